package dev.latchkey.samples.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: every simulator's server accepts connections with {@code TCP_NODELAY}, so a
 * keep-alive call does not wait out the client's delayed ACK (40 ms a call before). Checked in a
 * fresh JVM with no {@code -D} flag, as {@code java -jar latchkey-samples.jar simulate} runs: this
 * test JVM may have made other {@code HttpServer}s already, and the JDK reads its setting once.
 * The check reads the socket option the server applies, not a timing.
 */
class SimulatorNoDelayTest {
  @ParameterizedTest
  @ValueSource(strings = {"ondemand", "xandr", "mediasilo"})
  void theSimulatorsServerSetsTcpNoDelay(String simulator) throws Exception {
    assertEquals("noDelay=true", probe(simulator, List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xandr", "mediasilo"})
  void anExplicitSettingIsRespected(String simulator) throws Exception {
    // What the benchmark uses to show the stall side by side with the fix.
    assertEquals("noDelay=false", probe(simulator, List.of("-Dsun.net.httpserver.nodelay=false")));
  }

  private static String probe(String simulator, List<String> flags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED");
    command.addAll(flags);
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(NoDelayProbe.class.getName());
    command.add(simulator);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe finished");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    String last = output.strip().lines().reduce((a, b) -> b).orElse("");
    return last.substring(0, last.indexOf(' ') < 0 ? last.length() : last.indexOf(' '));
  }
}
