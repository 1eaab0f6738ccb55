package dev.latchkey.samples.httpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.latchkey.samples.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's "done when": {@code call ondemand} through the generated client against a real Apache
 * httpd {@code mod_auth_digest}, an implementation we did not write: no failure, and one cold
 * challenge for the whole run (round trips = requests + 1).
 */
class CallAgainstApacheHttpdTest {
  private static final Pattern STATS = Pattern.compile(
      "stats requests=(\\d+) ok=(\\d+) failed=(\\d+) round_trips=(\\d+) rejected=(\\d+) logins=(\\d+) elapsed_ms=(\\d+)");

  @Test
  void manyCallsOnSeveralThreadsPayOneChallenge() throws Exception {
    assumeTrue(
        ApacheDigestServer.available(), "Apache httpd is not installed (.ci/run installs it)");
    // The CLI's default account for ondemand is the seed's robot_user / password.
    try (ApacheDigestServer httpd =
        ApacheDigestServer.start("robot_user", "password", Duration.ofMinutes(5))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Main.run(
          new String[] {
            "call",
            "ondemand",
            "products",
            "--base-url",
            httpd.baseUrl(),
            "--repeat",
            "500",
            "--concurrency",
            "8"
          },
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      String text = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, code, text + err.toString(StandardCharsets.UTF_8));
      assertTrue(text.contains("<products>"), text);
      String[] lines = text.trim().split("\n");
      Matcher stats = STATS.matcher(lines[lines.length - 1]);
      assertTrue(stats.matches(), lines[lines.length - 1]);
      assertEquals("500", stats.group(2));
      assertEquals("0", stats.group(3));
      assertEquals("501", stats.group(4), "one cold challenge, then one round trip per request");
    }
  }
}
