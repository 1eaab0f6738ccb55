package dev.latchkey.samples.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.latchkey.samples.sim.SimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seed's own check, run with the real {@code curl} binary as an independent digest client:
 * "curl --digest -u robot_user:password URL ... the response should be a valid XML".
 */
class CurlAgainstSimulatorTest {

  @Test
  void seedCurlCommandGetsXml() throws Exception {
    assumeTrue(curlPresent(), "curl is not installed");
    try (SimServer sim = OnDemandSimulator.start(
        0,
        OnDemandSimulator.DEFAULT_USER,
        OnDemandSimulator.DEFAULT_PASSWORD.toCharArray(),
        Duration.ofMinutes(5),
        Clock.systemUTC())) {
      String root = curl("--digest", "-u", "robot_user:password", sim.url().toString());
      assertTrue(root.startsWith("<?xml"), root);
      assertTrue(root.contains("<link rel=\"products\""), root);
      String products = curl("--digest", "-u", "robot_user:password", sim.url() + "products");
      assertTrue(products.contains("<product id=\"P-1001\">"), products);
      assertEquals(2, sim.stats().get("logins"));
      assertEquals(2, sim.stats().get("challenges"));

      String refused = curl(
          "--digest",
          "-u",
          "robot_user:wrong",
          "-o",
          "/dev/null",
          "-w",
          "%{http_code}",
          sim.url() + "products");
      assertEquals("401", refused);
    }
  }

  private static String curl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "--max-time", "20"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("curl", ".out");
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .start();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
      assertEquals(0, process.exitValue(), "curl exit code");
      return Files.readString(output, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static boolean curlPresent() {
    try {
      Process process =
          new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
