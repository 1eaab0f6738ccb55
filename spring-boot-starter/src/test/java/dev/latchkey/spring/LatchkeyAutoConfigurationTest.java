package dev.latchkey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.samples.mediasilo.MediaSiloApi;
import dev.latchkey.samples.ondemand.OnDemandApi;
import dev.latchkey.samples.xandr.XandrApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration in small contexts: binding, bad properties, masking, user beans, health. */
class LatchkeyAutoConfigurationTest {
  private static final String XANDR = "latchkey.clients.xandr-api.";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LatchkeyAutoConfiguration.class));

  private static String[] xandr(String... more) {
    List<String> all = new java.util.ArrayList<>(List.of(
        XANDR + "base-url=" + Simulators.xandrUrl(),
        XANDR + "username=" + Simulators.XANDR.user(),
        XANDR + "password=" + Simulators.XANDR.password()));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  @Test
  void oneBeanPerConfiguredClientNamedAfterItsInterface() {
    runner
        .withPropertyValues(xandr())
        .withPropertyValues(
            "latchkey.clients.OnDemandApi.base-url=http://127.0.0.1:1/",
            "latchkey.clients.OnDemandApi.username=u",
            "latchkey.clients.OnDemandApi.password=p")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(XandrApi.class).hasSingleBean(OnDemandApi.class);
          assertThat(context).doesNotHaveBean(MediaSiloApi.class); // not configured: no bean
          assertThat(context.getBeanNamesForType(XandrApi.class)).containsExactly("xandrApi");
          assertThat(context.getBean(XandrApi.class).member().execute().code()).isEqualTo(200);
        });
  }

  @Test
  void aBadBaseUrlFailsStartUpNamingTheProperty() {
    runner
        .withPropertyValues(
            XANDR + "base-url=not a url", XANDR + "username=u", XANDR + "password=p")
        .run(context -> assertThat(failure(context))
            .isEqualTo("latchkey.clients.xandr-api.base-url: must be an absolute http(s) URL ending"
                + " in '/', not 'not a url'"));
  }

  @Test
  void anUnknownClientNameFailsStartUpListingTheKnownOnes() {
    runner
        .withPropertyValues("latchkey.clients.xandr.base-url=http://127.0.0.1:1/")
        .run(context -> assertThat(failure(context))
            .startsWith("latchkey.clients.xandr: no generated Latchkey client is named"
                + " 'xandr'; the class path has: ")
            // every client the samples generate, sorted (the catalogue's among them)
            .contains("MediaSiloApi, OnDemandApi, OntapApi")
            .endsWith("XandrApi, ZabbixApi"));
  }

  @Test
  void otherBadPropertiesAreNamedToo() {
    runner
        .withPropertyValues(xandr(XANDR + "environment=nowhere"))
        .run(context -> assertThat(context).hasNotFailed()); // base-url wins over environment
    runner
        .withPropertyValues("latchkey.clients.xandr-api.environment=nowhere")
        .run(
            context -> assertThat(failure(context))
                .startsWith(
                    "latchkey.clients.xandr-api.environment: XandrApi declares no environment 'nowhere'"));
    runner
        .withPropertyValues(xandr(XANDR + "pins[example.com]=sha256/short"))
        .run(context ->
            assertThat(failure(context)).startsWith("latchkey.clients.xandr-api.pins: "));
    runner
        .withPropertyValues(xandr(XANDR + "store=ftp://x"))
        .run(context ->
            assertThat(failure(context)).startsWith("latchkey.clients.xandr-api.store: "));
    runner
        .withPropertyValues(xandr(XANDR + "headers.api-key=k"))
        .run(
            context -> assertThat(failure(context))
                .startsWith(
                    "latchkey.clients.xandr-api.headers.api-key: XandrApi has no static header set by 'apiKey'"));
    runner
        .withPropertyValues(xandr(XANDR + "call-timeout=0s"))
        .run(context -> assertThat(failure(context))
            .isEqualTo("latchkey.clients.xandr-api.call-timeout: must be positive, not PT0S"));
    runner
        .withPropertyValues(XANDR + "base-url=http://127.0.0.1:1/", XANDR + "password=secret-pw")
        .run(context -> assertThat(failure(context))
            .isEqualTo("latchkey.clients.xandr-api.username: is required with a password"));
  }

  @Test
  void theFailureAnalyzerReportsThePropertyAndWhatToDo() {
    LatchkeyPropertyException e =
        new LatchkeyPropertyException("latchkey.clients.x.store", "bad", null);
    var analysis = new LatchkeyPropertyFailureAnalyzer().analyze(new IllegalStateException(e));
    assertThat(analysis.getDescription()).contains("latchkey.clients.x.store: bad");
    assertThat(analysis.getAction()).contains("latchkey.clients.x.store");
  }

  @Test
  void passwordsAndSecretHeadersAreMaskedInConfigpropsAndEnv() {
    runner
        .withConfiguration(AutoConfigurations.of(
            EndpointAutoConfiguration.class,
            ConfigurationPropertiesReportEndpointAutoConfiguration.class,
            EnvironmentEndpointAutoConfiguration.class))
        .withPropertyValues(xandr(
            "management.endpoints.web.exposure.include=configprops,env",
            "management.endpoint.configprops.show-values=always",
            "management.endpoint.env.show-values=always",
            "latchkey.clients.media-silo-api.base-url=http://127.0.0.1:1/v3/",
            "latchkey.clients.media-silo-api.username=u",
            "latchkey.clients.media-silo-api.password=ms-secret-pw",
            "latchkey.clients.media-silo-api.headers.host-context=acme",
            "latchkey.clients.media-silo-api.headers.api-key=ms-api-key-value"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          ObjectMapper json = new ObjectMapper().findAndRegisterModules();
          String configprops = json.writeValueAsString(context
              .getBean(ConfigurationPropertiesReportEndpoint.class)
              .configurationProperties());
          assertThat(configprops)
              .contains("latchkey")
              .contains("acme") // shown: not secret
              .doesNotContain(Simulators.XANDR.password())
              .doesNotContain("ms-secret-pw")
              .doesNotContain("ms-api-key-value")
              .contains("******");
          EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
          String password = json.writeValueAsString(env.environmentEntry(XANDR + "password"));
          String apiKey = json.writeValueAsString(
              env.environmentEntry("latchkey.clients.media-silo-api.headers.api-key"));
          assertThat(password).doesNotContain(Simulators.XANDR.password()).contains("******");
          assertThat(apiKey).doesNotContain("ms-api-key-value").contains("******");
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class UserBeans {
    static final AtomicInteger CALLS = new AtomicInteger();
    static final List<AuthEvent> EVENTS = new CopyOnWriteArrayList<>();

    @Bean
    OkHttpClient okHttpClient() {
      return new OkHttpClient.Builder()
          .addInterceptor(chain -> {
            CALLS.incrementAndGet();
            return chain.proceed(chain.request());
          })
          .build();
    }

    @Bean
    AuthEventListener recordingListener() {
      return EVENTS::add;
    }
  }

  @Test
  void theApplicationsOwnOkHttpClientAndListenerAreUsed() {
    runner.withUserConfiguration(UserBeans.class).withPropertyValues(xandr()).run(context -> {
      assertThat(context).hasNotFailed();
      int before = UserBeans.CALLS.get();
      assertThat(context.getBean(XandrApi.class).member().execute().code()).isEqualTo(200);
      assertThat(UserBeans.CALLS.get()).isGreaterThan(before);
      assertThat(UserBeans.EVENTS)
          .anyMatch(e -> e.type() == AuthEvent.Type.LOGIN && e.client().equals("XandrApi"));
    });
  }

  /** Counts the login answers it reads, to show the application's mapper reached the engine. */
  static final class CountingMapper extends ObjectMapper {
    final AtomicInteger trees = new AtomicInteger();

    @Override
    public com.fasterxml.jackson.databind.JsonNode readTree(byte[] content)
        throws java.io.IOException {
      trees.incrementAndGet();
      return super.readTree(content);
    }
  }

  @Test
  void theApplicationsObjectMapperReadsAJsonClientsLoginAnswers() {
    CountingMapper mapper = new CountingMapper();
    runner
        .withBean(ObjectMapper.class, () -> mapper)
        .withPropertyValues(xandr())
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(XandrApi.class).member().execute().code()).isEqualTo(200);
          assertThat(mapper.trees.get()).isPositive();
        });
  }

  @Test
  void anApplicationBeanOfTheSameNameWins() {
    XandrApi own = org.mockito.Mockito.mock(XandrApi.class);
    runner
        .withBean("xandrApi", XandrApi.class, () -> own)
        .withPropertyValues(xandr())
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(XandrApi.class)).isSameAs(own);
        });
  }

  @Test
  void healthReportsEachClientsSessionStateWithoutCallingIt() {
    runner
        .withConfiguration(AutoConfigurations.of(
            HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
        .withPropertyValues(xandr("management.endpoint.health.show-details=always"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          HealthEndpoint health = context.getBean(HealthEndpoint.class);
          assertThat(state(health.healthForPath("latchkey", "xandrApi"))).isEqualTo("NONE");
          assertThat(context.getBean(XandrApi.class).member().execute().code()).isEqualTo(200);
          HealthComponent live = health.healthForPath("latchkey", "xandrApi");
          assertThat(live.getStatus()).isEqualTo(Status.UP);
          assertThat(state(live)).isEqualTo("LIVE");
          assertThat(((SystemHealth) health.health()).getComponents()).containsKey("latchkey");
        });
  }

  @Test
  void aRefusedPasswordIsDown() {
    runner
        .withConfiguration(AutoConfigurations.of(
            HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
        .withPropertyValues(
            XANDR + "base-url=" + Simulators.xandrUrl(),
            XANDR + "username=" + Simulators.XANDR.user(),
            XANDR + "password=wrong-password",
            "management.endpoint.health.show-details=always")
        .run(context -> {
          try {
            context.getBean(XandrApi.class).member().execute();
          } catch (java.io.IOException expected) {
            // AuthenticationFailedException
          }
          HealthComponent refused =
              context.getBean(HealthEndpoint.class).healthForPath("latchkey", "xandrApi");
          assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
          assertThat(state(refused)).isEqualTo("REFUSED");
        });
  }

  /** The message of the LatchkeyPropertyException that failed the context. */
  private static String failure(
      org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
      if (t instanceof LatchkeyPropertyException e) {
        return e.getMessage();
      }
    }
    throw new AssertionError("not a LatchkeyPropertyException", context.getStartupFailure());
  }

  private static Object state(HealthComponent component) {
    return ((org.springframework.boot.actuate.health.Health) component)
        .getDetails()
        .get("state");
  }
}
