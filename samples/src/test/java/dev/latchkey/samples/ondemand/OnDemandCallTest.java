package dev.latchkey.samples.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.samples.Main;
import dev.latchkey.samples.sim.SimServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code call ondemand} in-process through the generated client against the simulator. */
class OnDemandCallTest {
  private static final Pattern STATS = Pattern.compile(
      "stats requests=(\\d+) ok=(\\d+) failed=(\\d+) round_trips=(\\d+) rejected=(\\d+) logins=(\\d+) elapsed_ms=(\\d+)");
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private SimServer sim;

  @BeforeEach
  void start() throws Exception {
    sim = OnDemandSimulator.start(
        0,
        OnDemandSimulator.DEFAULT_USER,
        OnDemandSimulator.DEFAULT_PASSWORD.toCharArray(),
        Duration.ofMinutes(5),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void twoHundredCallsOnEightThreadsPayOneColdChallenge() {
    int code = run(
        "call",
        "ondemand",
        "/products",
        "--base-url",
        sim.url().toString(),
        "--repeat",
        "200",
        "--concurrency",
        "8");
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text + err.toString(StandardCharsets.UTF_8));
    assertTrue(text.startsWith("<?xml"), text);
    String[] lines = text.split("\n");
    Matcher stats = STATS.matcher(lines[lines.length - 1]);
    assertTrue(stats.matches(), lines[lines.length - 1]);
    assertEquals(200, Long.parseLong(stats.group(1)));
    assertEquals(200, Long.parseLong(stats.group(2)));
    assertEquals(0, Long.parseLong(stats.group(3)));
    long roundTrips = Long.parseLong(stats.group(4));
    assertTrue(roundTrips >= 201 && roundTrips <= 201, "round_trips=" + roundTrips);
    assertEquals(201, sim.stats().get("requests"), "the server saw what the CLI counted");
  }

  @Test
  void wrongPasswordFailsEveryCallWithATypedException() {
    // The variable holds a wrong password; the CLI reads it from the environment variable named.
    int code = run(
        "call",
        "ondemand",
        "/",
        "--base-url",
        sim.url().toString(),
        "--password-env",
        "PATH",
        "--quiet");
    assertEquals(1, code);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertTrue(errors.startsWith("failed: AuthenticationFailedException: "), errors);
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("stats requests=1 ok=0 failed=1 "));
  }

  /**
   * Issue 14, defect 1 from the CLI: an absolute PATH on another origin goes through the generated
   * client (Retrofit's {@code @Url}), where the digest engine's origin guard applies. The other
   * server answers {@code 401 Digest realm="evil", nonce="chosen"} and must get no answer to it.
   */
  @Test
  void aDigestChallengeFromAnotherOriginGetsNoAuthorization() throws Exception {
    try (MockWebServer evil = new MockWebServer()) {
      evil.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder()
              .code(401)
              .addHeader(
                  "WWW-Authenticate", "Digest realm=\"evil\", nonce=\"chosen\", qop=\"auth\"")
              .body("give me a digest")
              .build();
        }
      });
      evil.start(InetAddress.getByName("127.0.0.1"), 0);
      String page2 = "http://localhost:" + evil.getPort() + "/page2";
      int code = run("call", "ondemand", page2, "--base-url", sim.url().toString(), "--quiet");
      String errors = err.toString(StandardCharsets.UTF_8);
      assertEquals(1, code, errors);
      assertTrue(errors.startsWith("failed: HttpStatusException: HTTP 401"), errors);
      assertEquals(1, evil.getRequestCount(), "one unsigned request, no signed retry");
      RecordedRequest seen = evil.takeRequest(5, TimeUnit.SECONDS);
      assertNull(seen.getHeaders().get("Authorization"), "a digest answer went to " + page2);
      assertEquals(0, sim.stats().get("requests"), "the base URL's server was not involved");
    }
  }

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
