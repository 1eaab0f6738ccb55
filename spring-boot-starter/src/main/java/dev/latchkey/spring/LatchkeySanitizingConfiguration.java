package dev.latchkey.spring;

import dev.latchkey.runtime.spi.ClientDefinition;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks the secrets of {@code latchkey.*} in {@code /actuator/configprops} and {@code
 * /actuator/env} even when they are set to show values: a client's {@code password}, and the
 * values of the static headers its interface marks secret ({@code api-key}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class LatchkeySanitizingConfiguration {

  @Bean
  SanitizingFunction latchkeySanitizingFunction() {
    Set<String> secret = new HashSet<>();
    secret.add("password");
    for (ClientDefinition<?> definition :
        ClientDefinition.installed(LatchkeySanitizingConfiguration.class.getClassLoader())) {
      definition.secretHeaders().forEach(setter -> secret.add(canonical(setter)));
    }
    return data -> {
      String key = data.getKey();
      if (key == null || data.getValue() == null) {
        return data;
      }
      // Both endpoints give the full name: latchkey.clients.xandr-api.password, or
      // latchkey.clients.media-silo-api.headers.api-key (configprops) / ...headers[api-key].
      String last = key.substring(Math.max(key.lastIndexOf('.'), key.lastIndexOf('[')) + 1);
      boolean ours = key.toLowerCase(Locale.ROOT).startsWith("latchkey.");
      return ours && secret.contains(canonical(last))
          ? data.withValue(SanitizableData.SANITIZED_VALUE)
          : data;
    };
  }

  private static String canonical(String name) {
    return name.replace("-", "")
        .replace("_", "")
        .replace("[", "")
        .replace("]", "")
        .toLowerCase(Locale.ROOT);
  }
}
