package dev.latchkey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.micrometer.LatchkeyMetrics;
import dev.latchkey.samples.mediasilo.MediaSiloApi;
import dev.latchkey.samples.ondemand.OnDemandApi;
import dev.latchkey.samples.xandr.XandrApi;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring Boot application whose only Latchkey configuration is {@code application.yml} calls
 * the three sample APIs through injected clients; the health endpoint shows each client's session
 * state and the metrics count the logins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SimulatorsApplicationTest {
  static {
    Simulators.xandrUrl(); // starts the simulators before the context reads application.yml
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}

  @Autowired
  OnDemandApi onDemand;

  @Autowired
  XandrApi xandr;

  @Autowired
  MediaSiloApi mediaSilo;

  @Autowired
  HealthEndpoint health;

  @Autowired
  MeterRegistry registry;

  @Autowired
  LatchkeyMetrics metrics;

  @Test
  void callsAllThreeApisThroughInjectedClients() throws Exception {
    assertThat(onDemand.products().execute().code()).isEqualTo(200);
    assertThat(xandr.member().execute().code()).isEqualTo(200);
    assertThat(mediaSilo.me().execute().body().userName()).isEqualTo("demo");

    for (String client : new String[] {"onDemandApi", "xandrApi", "mediaSiloApi"}) {
      Health state = (Health) health.healthForPath("latchkey", client);
      assertThat(state.getStatus()).as(client).isEqualTo(Status.UP);
      assertThat(state.getDetails().get("state")).as(client).isEqualTo("LIVE");
    }
    assertThat(registry
            .get(LatchkeyMetrics.LOGINS)
            .tags("client", "XandrApi", "auth", "token", "outcome", "success")
            .counter()
            .count())
        .isEqualTo(1);
    assertThat(registry
            .get(LatchkeyMetrics.CHALLENGES)
            .tags("client", "OnDemandApi", "auth", "digest")
            .counter()
            .count())
        .isEqualTo(1);
  }
}
