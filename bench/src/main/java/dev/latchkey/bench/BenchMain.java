package dev.latchkey.bench;

import dev.latchkey.bench.compile.ProcessorCostBench;
import dev.latchkey.bench.digest.DigestLoadBench;
import dev.latchkey.bench.digest.HttpdGapBench;
import dev.latchkey.bench.micro.JmhBench;
import dev.latchkey.bench.process.BurstBench;
import dev.latchkey.bench.process.ColdStartBench;
import dev.latchkey.bench.process.WireBench;
import dev.latchkey.bench.token.TokenDayBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the benchmarks of issue 8 and reports their tables: {@code --out DIR} gets {@code
 * results.md} and the chart, {@code --docs FILE} has its generated sections replaced (the full
 * run's way of refreshing {@code docs/benchmarks.md}), {@code --only digest,token,jmh,compile}
 * picks benchmarks (wire, cold, burst, gap, digest, token, jmh, compile). Exits 1 if any problem was found (a Latchkey failure, a broken invariant).
 */
public final class BenchMain {
  private static final List<String> ALL =
      List.of("wire", "cold", "burst", "gap", "digest", "token", "jmh", "compile");
  /** okhttp-digest logs every refused nonce at INFO through OkHttp's platform logger. */
  private static final Logger OKHTTP_LOG = Logger.getLogger("okhttp3.OkHttpClient");

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    OKHTTP_LOG.setLevel(Level.WARNING);
    Path out = Path.of("bench/target/bench");
    Path docs = null;
    List<String> only = ALL;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--docs" -> docs = Path.of(args[++i]);
        case "--only" -> only = List.of(args[++i].split(","));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (!ALL.containsAll(only)) {
      throw new IllegalArgumentException("--only takes some of " + ALL + ", not " + only);
    }
    Mode mode = Mode.fromSystemProperties();
    Report report = new Report();
    long started = System.nanoTime();
    System.out.println("Latchkey benchmarks, " + (mode.quick() ? "quick" : "full") + " mode: "
        + Machine.describe() + ", load " + Machine.loadAverage());
    Files.createDirectories(out);
    if (only.contains("wire")) {
      new WireBench(mode, report).run();
    }
    if (only.contains("cold")) {
      new ColdStartBench(mode, report).run();
    }
    if (only.contains("burst")) {
      new BurstBench(mode, report).run();
    }
    if (only.contains("gap")) {
      new HttpdGapBench(mode, report).run();
    }
    if (only.contains("digest")) {
      new DigestLoadBench(mode, report).run(out.resolve("digest-chart.png"));
    }
    if (only.contains("token")) {
      new TokenDayBench(mode, report).run();
    }
    if (only.contains("jmh")) {
      new JmhBench(mode, report).run();
    }
    if (only.contains("compile")) {
      new ProcessorCostBench(mode, report).run();
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    ResultsWriter.write(report, mode, only, seconds, out.resolve("results.md"), docs);
    System.out.println();
    System.out.println(
        "benchmarks took " + seconds + " s; " + report.problems().size() + " problems");
    if (!report.problems().isEmpty()) {
      report.problems().forEach(p -> System.out.println("PROBLEM: " + p));
      System.exit(1);
    }
  }
}
