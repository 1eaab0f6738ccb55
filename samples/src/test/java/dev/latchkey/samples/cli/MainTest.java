package dev.latchkey.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.samples.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void usageErrorsExitTwoAndSayWhatWasWrong() {
    List<List<String>> cases = List.of(
        List.of(),
        List.of("frobnicate"),
        List.of("simulate"),
        List.of("simulate", "nosuchsample"),
        List.of("simulate", "ondemand", "--token-idle", "PT2H"),
        List.of("simulate", "ondemand", "--nonce-lifetime", "five minutes"),
        List.of("simulate", "ondemand", "--port", "http"),
        List.of("call", "ondemand", "/products", "--quiet", "--bogus", "1"),
        List.of("demo", "extra"));
    for (List<String> args : cases) {
      err.reset();
      assertEquals(2, run(args), args.toString());
      String text = err.toString(StandardCharsets.UTF_8);
      assertTrue(text.startsWith("error: "), text);
      assertTrue(text.contains("usage:"), text);
    }
  }

  @Test
  void unknownFlagIsNamed() {
    run(List.of("call", "ondemand", "/products", "--bogus", "1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown flag --bogus"));
  }

  @Test
  void simulatePrintsTheListeningLineFirstAndRunsUntilInterrupted() throws Exception {
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread = new Thread(() -> code.set(run(List.of("simulate", "ondemand", "--port", "0"))));
    thread.start();
    String first = null;
    for (int i = 0; i < 200 && first == null; i++) { // bounded: at most ~10 s
      String text = out.toString(StandardCharsets.UTF_8);
      if (text.contains("\n")) {
        first = text.substring(0, text.indexOf('\n'));
      } else {
        Thread.sleep(50);
      }
    }
    thread.interrupt();
    thread.join(10_000);
    assertTrue(
        first != null && first.matches("listening on http://127\\.0\\.0\\.1:\\d+/"),
        String.valueOf(first));
    int port = java.net.URI.create(first.substring("listening on ".length())).getPort();
    assertTrue(port > 0);
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      throw new AssertionError("the simulator should be closed after the command ends");
    } catch (java.io.IOException expected) {
      // closed
    }
  }

  @Test
  void demoRunsEverySampleAndExitsZeroOnlyIfAllWorked() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    assertEquals(0, DemoCommand.run(List.of(new FakeSample()), print));
    Sample failing = new FakeSample() {
      @Override
      public boolean demo(PrintStream out) {
        throw new IllegalStateException("story broke");
      }
    };
    assertEquals(1, DemoCommand.run(List.of(new FakeSample(), failing), print));
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("FAILED: IllegalStateException: story broke"), text);
    assertTrue(text.contains("demo: 1 of 2 samples worked"), text);
  }

  private int run(List<String> args) {
    return Main.run(
        args.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
