package dev.latchkey.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallCommandTest {
  private final FakeSample sample = new FakeSample();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private RunningSimulator sim;

  @BeforeEach
  void start() throws Exception {
    sim = sample.simulate(Options.parse(List.of("--port", "0"), List.of()));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void countsEveryExchangeRejectionAndLoginAcrossThreads() throws Exception {
    int code = run(
        "/greeting", "--base-url", sim.url().toString(), "--repeat", "40", "--concurrency", "4");
    assertEquals(0, code, err());
    List<String> lines = lines(out);
    assertEquals("hello /greeting", lines.get(0), "first body printed");
    String stats = lines.get(lines.size() - 1);
    assertTrue(
        stats.matches(
            "stats requests=40 ok=40 failed=0 round_trips=80 rejected=40 logins=40 elapsed_ms=\\d+"),
        stats);
  }

  @Test
  void quietPrintsOnlyTheStatsLine() throws Exception {
    assertEquals(0, run("/", "--base-url", sim.url().toString(), "--quiet"));
    List<String> lines = lines(out);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines
        .get(0)
        .startsWith("stats requests=1 ok=1 failed=0 round_trips=2 rejected=1 logins=1 "));
  }

  @Test
  void failuresExitOneWithTypedLinesCappedAtFive() throws Exception {
    int code =
        run("/broken", "--base-url", sim.url().toString(), "--repeat", "8", "--concurrency", "2");
    assertEquals(1, code);
    List<String> errors = lines(err);
    assertEquals(6, errors.size(), errors.toString());
    assertEquals(
        "failed: HttpStatusException: HTTP 500 for GET " + sim.url() + "broken", errors.get(0));
    assertEquals("... and 3 more failures", errors.get(5));
    String stats = lines(out).get(lines(out).size() - 1);
    assertTrue(
        stats.startsWith("stats requests=8 ok=0 failed=8 round_trips=8 rejected=0 logins=0 "),
        stats);
  }

  @Test
  void usageErrors() {
    String url = sim.url().toString();
    List<List<String>> bad = List.of(
        List.of("/x"), // neither --base-url nor --env
        List.of("/x", "--base-url", url, "--env", "staging"), // both
        List.of("--base-url", url), // no PATH
        List.of("/x", "/y", "--base-url", url), // two PATHs
        List.of("/x", "--base-url", url, "--password", "hunter2"), // secrets never on the line
        List.of("/x", "--base-url", url, "--repeat", "0"),
        List.of("/x", "--base-url", url, "--concurrency", "many"));
    for (List<String> args : bad) {
      assertThrows(
          Options.UsageException.class,
          () -> CallCommand.execute(sample, Options.parse(args, CallCommand.SWITCHES)),
          args.toString());
    }
  }

  private int run(String... args) throws Exception {
    Options options = Options.parse(List.of(args), CallCommand.SWITCHES);
    return CallCommand.run(sample, options, print(out), print(err));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private static List<String> lines(ByteArrayOutputStream buffer) {
    List<String> lines =
        new ArrayList<>(List.of(buffer.toString(StandardCharsets.UTF_8).split("\n")));
    lines.removeIf(String::isEmpty);
    return lines;
  }
}
