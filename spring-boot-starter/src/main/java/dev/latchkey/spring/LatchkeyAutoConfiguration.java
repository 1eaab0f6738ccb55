package dev.latchkey.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyClient;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Makes one bean per client configured under {@code latchkey.clients.<name>}; uses the
 * application's own {@code OkHttpClient}, {@code ObjectMapper} and {@code AuthEventListener} beans
 * when there are any. Health, metrics and secret masking come with the actuator and Micrometer.
 */
@AutoConfiguration
@ConditionalOnClass(LatchkeyClient.class)
@EnableConfigurationProperties(LatchkeyProperties.class)
@Import({
  LatchkeyHealthConfiguration.class,
  LatchkeyMetricsConfiguration.class,
  LatchkeySanitizingConfiguration.class
})
public class LatchkeyAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public LatchkeyAutoConfiguration() {}

  /** The bean definitions of the clients; static, as every registry post-processor. */
  @Bean
  static LatchkeyClientRegistrar latchkeyClientRegistrar() {
    return new LatchkeyClientRegistrar();
  }

  /** Builds and holds the configured clients. */
  @Bean
  @ConditionalOnMissingBean
  LatchkeyClients latchkeyClients(
      Environment environment,
      ObjectProvider<OkHttpClient> okHttpClient,
      ObjectProvider<ObjectMapper> objectMapper,
      ObjectProvider<AuthEventListener> listeners) {
    return new LatchkeyClients(
        environment,
        LatchkeyAutoConfiguration.class.getClassLoader(),
        okHttpClient,
        objectMapper,
        listeners);
  }
}
