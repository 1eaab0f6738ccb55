package dev.latchkey.bench.process;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The clients of the process benchmarks, each run as a fresh JVM. */
enum Clients {
  LATCHKEY("Latchkey (samples CLI `call`)"),
  OKHTTP("plain OkHttp 5 + auth by hand (okhttp-digest 3.1.1 for digest)"),
  RETROFIT("Retrofit 3 + the same OkHttp + Jackson converter (XML for digest)"),
  /** The floor of any Retrofit-based client: what Retrofit itself costs over plain OkHttp. */
  RETROFIT_BARE("Retrofit 3 + the same OkHttp, no converter");

  private static final Duration LIMIT = Duration.ofMinutes(10);
  final String label;

  Clients(String label) {
    this.label = label;
  }

  Jvm.Run run(Scenario scenario, int repeat, int concurrency)
      throws IOException, InterruptedException {
    return switch (this) {
      case LATCHKEY ->
        Jvm.run(
            List.of(),
            "dev.latchkey.samples.Main",
            scenario.cliArgs(repeat, concurrency),
            scenario.env(),
            LIMIT);
      case OKHTTP ->
        Jvm.run(
            List.of(),
            Baseline.class.getName(),
            scenario.baselineArgs("okhttp", repeat, concurrency),
            scenario.env(),
            LIMIT);
      case RETROFIT ->
        Jvm.run(
            List.of(),
            Baseline.class.getName(),
            scenario.baselineArgs("retrofit", repeat, concurrency),
            scenario.env(),
            LIMIT);
      case RETROFIT_BARE ->
        Jvm.run(
            List.of(),
            Baseline.class.getName(),
            scenario.baselineArgs("retrofit-bare", repeat, concurrency),
            scenario.env(),
            LIMIT);
    };
  }
}
