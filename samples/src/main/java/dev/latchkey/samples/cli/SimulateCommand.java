package dev.latchkey.samples.cli;

import dev.latchkey.samples.sim.SimTls;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code simulate SAMPLE [--port P] [options]}: runs one simulator in the foreground until the
 * process is killed. The first line printed is {@code listening on http://127.0.0.1:P/}; with
 * {@code --tls} it is {@code https://...}, followed by {@code root-pem PATH} and {@code
 * intermediate-pem PATH}, files holding the two CA certificates of the served chain.
 */
final class SimulateCommand {
  private static final List<String> COMMON = List.of("--port", "--user", "--password-env", "--tls");

  /** The flags of {@code simulate} that take no value. */
  static final List<String> SWITCHES = List.of("--tls");

  /** The options each simulator takes besides {@link #COMMON}, as the CLI contract lists them. */
  private static final Map<String, List<String>> OWN = Map.of(
      "ondemand", List.of("--nonce-lifetime"),
      "xandr", List.of("--token-idle", "--token-max", "--login-limit"),
      "mediasilo", List.of("--host-context", "--api-key-env", "--session-idle"));

  private SimulateCommand() {}

  /** The flags {@code simulate name} accepts. */
  static List<String> flags(String name) {
    List<String> flags = new ArrayList<>(COMMON);
    flags.addAll(OWN.getOrDefault(name, List.of()));
    return flags;
  }

  /** Checks the flags and starts the simulator; prints nothing. */
  static RunningSimulator start(Sample sample, Options options) throws IOException {
    options.rejectUnknown("simulate " + sample.name(), flags(sample.name()));
    if (!options.positional().isEmpty()) {
      throw new Options.UsageException(
          "simulate " + sample.name() + " takes no words, only flags; got " + options.positional());
    }
    return sample.simulate(options);
  }

  /** Writes a CA certificate (public, not a secret) where a client's --trust-pem can read it. */
  private static Path pemFile(String name, String pem) throws IOException {
    Path file = Files.createTempFile("latchkey-sim-" + name + "-", ".pem");
    file.toFile().deleteOnExit();
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
    return file;
  }

  /** Starts the simulator, prints where it listens, and blocks until the process ends. */
  static int run(Sample sample, Options options, PrintStream out)
      throws IOException, InterruptedException {
    RunningSimulator simulator = start(sample, options);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
    out.println("listening on " + simulator.url());
    SimTls tls = simulator.tls();
    if (tls != null) {
      out.println("root-pem " + pemFile("root", tls.rootPem()));
      out.println("intermediate-pem " + pemFile("intermediate", tls.intermediatePem()));
    }
    out.flush();
    try {
      new CountDownLatch(1).await(); // until killed (or, in a test, interrupted)
    } finally {
      simulator.close();
    }
    return 0;
  }
}
