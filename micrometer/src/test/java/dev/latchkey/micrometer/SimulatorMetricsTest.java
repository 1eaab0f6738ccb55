package dev.latchkey.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.mediasilo.LatchkeyMediaSiloApi;
import dev.latchkey.samples.mediasilo.MediaSiloSimulator;
import dev.latchkey.samples.mediasilo.SimulatorAccount;
import dev.latchkey.samples.ondemand.LatchkeyOnDemandApi;
import dev.latchkey.samples.ondemand.OnDemandSimulator;
import dev.latchkey.samples.sim.SimClock;
import dev.latchkey.samples.sim.SimServer;
import dev.latchkey.samples.xandr.LatchkeyXandrApi;
import dev.latchkey.samples.xandr.XandrSimulator;
import dev.latchkey.samples.xandr.XandrSimulatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meters agree with what the three simulators counted themselves ({@code GET /__sim/stats}):
 * each story makes the simulator refuse, renew and throttle by moving only the simulator's clock,
 * so the client learns of it from the server's answers, as in production.
 */
class SimulatorMetricsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LatchkeyMetrics metrics = new LatchkeyMetrics();
  private final SimClock simClock = new SimClock();

  @BeforeEach
  void bind() {
    metrics.bindTo(registry);
  }

  @Test
  void digestChallengesReusesAndStaleNoncesMatchTheOnDemandSimulator() throws Exception {
    try (SimServer sim = OnDemandSimulator.start(
            0, "robot_user", "pw".toCharArray(), Duration.ofMinutes(5), simClock);
        LatchkeyOnDemandApi api = LatchkeyOnDemandApi.builder()
            .baseUrl(base(sim.url()))
            .credentials(() -> new UserPassword("robot_user", "pw"))
            .eventListener(metrics)
            .build()) {
      for (int i = 0; i < 5; i++) {
        assertEquals(200, api.products().execute().code());
      }
      simClock.advance(Duration.ofMinutes(6)); // the server's nonce is stale; ours looks fine
      for (int i = 0; i < 3; i++) {
        assertEquals(200, api.products().execute().code());
      }
      JsonNode stats = stats(sim.url());
      double challenges = count(LatchkeyMetrics.CHALLENGES, "OnDemandApi");
      double rejections = count(LatchkeyMetrics.REJECTIONS, "OnDemandApi");
      double reuses = count(LatchkeyMetrics.NONCE_REUSES, "OnDemandApi");
      assertEquals(stats.get("rejected").asDouble(), challenges); // every 401 was a challenge read
      assertEquals(stats.get("stale").asDouble(), rejections);
      assertEquals(
          stats.get("logins").asDouble(), challenges); // each fresh nonce authenticated once
      // unsigned requests (challenged) + requests signed with a fresh nonce + with a cached one
      assertEquals(
          stats.get("requests").asDouble(), (challenges - rejections) + challenges + reuses);
      assertEquals(2, challenges);
      assertEquals(
          challenges,
          registry
              .get(LatchkeyMetrics.CHALLENGE_DURATION)
              .tag("client", "OnDemandApi")
              .timer()
              .count());
      assertEquals(
          "digest",
          registry
              .get(LatchkeyMetrics.CHALLENGES)
              .tag("client", "OnDemandApi")
              .counter()
              .getId()
              .getTag("auth"));
    }
  }

  @Test
  void tokenLoginsRejectionsRenewalsAndThrottlesMatchTheXandrSimulator() throws Exception {
    XandrSimulatorConfig d = XandrSimulatorConfig.defaults();
    XandrSimulatorConfig config = new XandrSimulatorConfig(
        d.user(),
        d.password(),
        d.userId(),
        Duration.ofHours(2),
        Duration.ofHours(24),
        2,
        Duration.ofHours(24),
        0);
    try (XandrSimulator sim = XandrSimulator.start(config, simClock);
        LatchkeyXandrApi api = LatchkeyXandrApi.builder()
            .baseUrl(base(sim.url()))
            .credentials(() -> new UserPassword(d.user(), d.password()))
            .eventListener(metrics)
            .build()) {
      assertEquals(200, api.member().execute().code()); // login 1
      simClock.advance(Duration.ofHours(3)); // the token sat idle too long, on the server
      assertEquals(200, api.member().execute().code()); // NOAUTH, login 2, replay
      simClock.advance(Duration.ofHours(3));
      assertThrows(LoginThrottledException.class, () -> api.member().execute()); // NOAUTH, refused
      JsonNode stats = stats(sim.url());
      assertEquals(stats.get("logins").asDouble(), loginCount("XandrApi", "success"));
      assertEquals(stats.get("rejected").asDouble(), count(LatchkeyMetrics.REJECTIONS, "XandrApi"));
      assertEquals(
          stats.get("login_throttled").asDouble(), count(LatchkeyMetrics.THROTTLES, "XandrApi"));
      assertEquals(stats.get("logins").asDouble() - 1, count(LatchkeyMetrics.RENEWALS, "XandrApi"));
      assertEquals(2, stats.get("logins").asInt());
      assertEquals(1, stats.get("login_throttled").asInt());
      assertEquals(
          2,
          registry
              .get(LatchkeyMetrics.LOGIN_DURATION)
              .tag("client", "XandrApi")
              .timer()
              .count());
    }
  }

  @Test
  void headerSessionsAndRejectionsMatchTheMediaSiloSimulator() throws Exception {
    SimulatorAccount account = SimulatorAccount.DEMO;
    try (MediaSiloSimulator sim = MediaSiloSimulator.start(account, simClock, 0);
        LatchkeyMediaSiloApi api = LatchkeyMediaSiloApi.builder()
            .baseUrl(base(sim.url()) + "v3/")
            .credentials(() -> new UserPassword(account.user(), account.password()))
            .hostContext(account.hostContext())
            .apiKey(account.apiKey())
            .eventListener(metrics)
            .build()) {
      assertEquals(200, api.me().execute().code());
      assertEquals(200, api.me().execute().code());
      simClock.advance(Duration.ofMinutes(61)); // the session sat idle too long, on the server
      assertEquals(200, api.me().execute().code());
      JsonNode stats = stats(sim.url());
      assertEquals(stats.get("logins").asDouble(), loginCount("MediaSiloApi", "success"));
      assertEquals(
          stats.get("rejected").asDouble(), count(LatchkeyMetrics.REJECTIONS, "MediaSiloApi"));
      assertEquals(
          stats.get("login_throttled").asDouble(),
          count(LatchkeyMetrics.THROTTLES, "MediaSiloApi"));
      assertEquals(
          stats.get("logins").asDouble() - 1, count(LatchkeyMetrics.RENEWALS, "MediaSiloApi"));
      assertEquals(2, stats.get("logins").asInt());
      assertEquals(
          "header",
          registry
              .get(LatchkeyMetrics.REJECTIONS)
              .tag("client", "MediaSiloApi")
              .counter()
              .getId()
              .getTag("auth"));
    }
  }

  @Test
  void everyKnownClientStartsAtZero() {
    assertEquals(0, count(LatchkeyMetrics.CHALLENGES, "OnDemandApi"));
    assertEquals(0, loginCount("XandrApi", "failure"));
    assertEquals(0, count(LatchkeyMetrics.THROTTLES, "MediaSiloApi"));
  }

  private double count(String meter, String client) {
    return registry.get(meter).tag("client", client).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private double loginCount(String client, String outcome) {
    return registry
        .get(LatchkeyMetrics.LOGINS)
        .tag("client", client)
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private static String base(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? text : text + "/";
  }

  private static JsonNode stats(URI url) throws IOException {
    Request request = new Request.Builder().url(base(url) + "__sim/stats").build();
    try (Response response = HTTP.newCall(request).execute()) {
      assertTrue(response.isSuccessful());
      return JSON.readTree(response.body().string());
    }
  }
}
