package dev.latchkey.spring;

import dev.latchkey.micrometer.LatchkeyMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link LatchkeyMetrics} when Micrometer and {@code latchkey-micrometer} are on the class path: a
 * {@code MeterBinder} (the actuator binds it to every registry) and an {@code AuthEventListener}
 * (the clients send it their events).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({MeterRegistry.class, LatchkeyMetrics.class})
class LatchkeyMetricsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  LatchkeyMetrics latchkeyMetrics() {
    return new LatchkeyMetrics(LatchkeyMetricsConfiguration.class.getClassLoader());
  }
}
