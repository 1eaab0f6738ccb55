package dev.latchkey.bench.micro;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Mode;
import dev.latchkey.bench.Report;
import dev.latchkey.bench.Table;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks in one forked JVM each, with {@code -prof gc}, and turns the results
 * into the per-request table (with the overhead of each scheme over bare OkHttp) and the
 * header/parsing table.
 */
public final class JmhBench {
  private static final double GOAL_NANOS = 5_000;
  private static final double GOAL_BYTES = 2_048;

  private final Mode mode;
  private final Report report;

  public JmhBench(Mode mode, Report report) {
    this.mode = mode;
    this.report = report;
  }

  /** One benchmark's figures: time per op with its error, bytes allocated per op. */
  record Score(double nanos, double error, double bytes) {}

  public void run() throws Exception {
    Options options = new OptionsBuilder()
        .include(InterceptorBench.class.getName())
        .include(AnchorHeaderBench.class.getName())
        .include("dev.latchkey.runtime.digest.DigestInternalsBench")
        .forks(1)
        .warmupIterations(mode.jmhIterations())
        .warmupTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
        .measurementIterations(mode.jmhIterations())
        .measurementTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
        .timeUnit(TimeUnit.NANOSECONDS)
        .jvmArgs("-Xmx1g", "-Djava.awt.headless=true")
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Score> scores = new LinkedHashMap<>();
    for (RunResult result : results) {
      var params = result.getParams();
      String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      String auth = params.getParamsKeys().contains("auth") ? params.getParam("auth") : "";
      Result<?> primary = result.getPrimaryResult();
      Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
      scores.put(
          name + (auth.isEmpty() ? "" : ":" + auth),
          new Score(
              primary.getScore(),
              primary.getScoreError(),
              alloc == null ? Double.NaN : alloc.getScore()));
    }
    perRequest(scores);
    headers(scores);
  }

  private void perRequest(Map<String, Score> scores) {
    String load = Machine.loadAverage();
    Table table = new Table(
        "Per-request cost of each auth scheme (JMH, -prof gc, 1 thread)",
        "benchmark",
        "auth",
        "ns/op",
        "± (99.9%)",
        "B/op",
        "overhead vs bare, ns",
        "overhead vs bare, B",
        "load avg");
    for (String benchmark : new String[] {"chainOnly", "loopback"}) {
      Score bare = scores.get(benchmark + ":" + AuthVariants.BARE);
      for (String auth : new String[] {
        AuthVariants.BARE,
        AuthVariants.DIGEST,
        AuthVariants.OKHTTP_DIGEST,
        AuthVariants.TOKEN,
        AuthVariants.HEADER
      }) {
        Score s = scores.get(benchmark + ":" + auth);
        table.row(
            benchmark,
            auth,
            Table.num(s.nanos(), 0),
            Table.num(s.error(), 0),
            Table.num(s.bytes(), 0),
            Table.num(s.nanos() - bare.nanos(), 0),
            Table.num(s.bytes() - bare.bytes(), 0),
            load);
      }
    }
    report.table("jmh-requests", table);
    Score bare = scores.get("chainOnly:" + AuthVariants.BARE);
    Score digest = scores.get("chainOnly:" + AuthVariants.DIGEST);
    double nanos = digest.nanos() - bare.nanos();
    double bytes = digest.bytes() - bare.bytes();
    report.goal(
        "jmh",
        "Digest interceptor on a warm nonce: < 5 µs and < 2 KB per request"
            + " (chainOnly digest minus bare)",
        Table.num(nanos / 1000, 2) + " µs, " + Table.num(bytes, 0) + " B",
        nanos < GOAL_NANOS && bytes < GOAL_BYTES);
    // Issue 17: tighter goals for digest, and the first for token login and header auth.
    perCallGoal(scores, AuthVariants.DIGEST, 1500, 1024, "1.5 µs and 1 KB");
    perCallGoal(scores, AuthVariants.TOKEN, 1000, 500, "1 µs and 500 B");
    perCallGoal(scores, AuthVariants.HEADER, 1000, 500, "1 µs and 500 B");
  }

  private void perCallGoal(
      Map<String, Score> scores, String auth, double goalNanos, double goalBytes, String goal) {
    Score bare = scores.get("chainOnly:" + AuthVariants.BARE);
    Score s = scores.get("chainOnly:" + auth);
    double nanos = s.nanos() - bare.nanos();
    double bytes = s.bytes() - bare.bytes();
    report.goal(
        "jmh",
        "Issue 17: " + auth + " per call on a warm session over bare OkHttp: < " + goal
            + " (chainOnly " + auth + " minus bare)",
        Table.num(nanos / 1000, 2) + " µs, " + Table.num(bytes, 0) + " B",
        nanos < goalNanos && bytes < goalBytes);
  }

  private void headers(Map<String, Score> scores) {
    Table table = new Table(
        "Digest header building and challenge parsing (JMH, -prof gc)",
        "client",
        "work",
        "benchmark",
        "ns/op",
        "± (99.9%)",
        "B/op");
    row(table, scores, "Latchkey", "header, warm nonce", "buildHeader");
    row(table, scores, "okhttp-digest 3.1.1", "header, warm nonce", "okhttpDigestHeader");
    row(table, scores, "HttpClient 5.6.5", "header, warm nonce", "httpClientHeader");
    row(table, scores, "Latchkey", "parse and choose a challenge", "parseChallenge");
    row(
        table,
        scores,
        "okhttp-digest 3.1.1",
        "parse a challenge + first header",
        "okhttpDigestChallenge");
    row(
        table,
        scores,
        "HttpClient 5.6.5",
        "parse a challenge + first header",
        "httpClientChallenge");
    report.table("jmh-digest", table);
  }

  private static void row(
      Table table, Map<String, Score> scores, String client, String work, String benchmark) {
    Score s = scores.get(benchmark);
    table.row(
        client,
        work,
        benchmark,
        Table.num(s.nanos(), 0),
        Table.num(s.error(), 0),
        Table.num(s.bytes(), 0));
  }
}
