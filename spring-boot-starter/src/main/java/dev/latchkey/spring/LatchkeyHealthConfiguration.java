package dev.latchkey.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /actuator/health/latchkey/<bean>}: one indicator per client, when the actuator is there. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnEnabledHealthIndicator("latchkey")
class LatchkeyHealthConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "latchkeyHealthContributor")
  HealthContributor latchkeyHealthContributor(LatchkeyClients clients) {
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    clients
        .definitions()
        .forEach((bean, definition) ->
            indicators.put(bean, new LatchkeyHealthIndicator(clients, bean, definition)));
    return CompositeHealthContributor.fromMap(indicators);
  }
}
