package dev.latchkey.bench.process;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Mode;
import dev.latchkey.bench.Report;
import dev.latchkey.bench.Table;
import java.util.List;

/**
 * Calls per second of the samples' {@code call} against each simulator, on 1 and 8 threads, with
 * the simulator as shipped and, side by side, as it was before issue 17 (the JDK server with
 * Nagle on: {@code -Dsun.net.httpserver.nodelay=false}). Each {@code call} is a fresh JVM;
 * calls/s is from its own {@code elapsed_ms} (the calls, not the JVM's start).
 */
public final class WireBench {
  /** main's figure in issue 17: 400 sequential calls against simulate xandr took 18.2 s. */
  static final double MAIN_SEQUENTIAL = 22;

  private static final String NAGLE_ON = "-Dsun.net.httpserver.nodelay=false";

  private final Mode mode;
  private final Report report;

  public WireBench(Mode mode, Report report) {
    this.mode = mode;
    this.report = report;
  }

  public void run() throws Exception {
    Table table = new Table(
        "Samples CLI `call` against each simulator: calls/s (fresh JVM per row)",
        "simulator",
        "auth",
        "server",
        "threads",
        "calls",
        "calls/s",
        "x Nagle on",
        "failures",
        "load avg");
    for (String name : Simulators.NAMES) {
      double[] before = new double[2];
      // Quick mode (CI) proves the simulators and `call` work; the stall needs no proof there.
      for (int server = mode.quick() ? 1 : 0; server < 2; server++) {
        boolean nagle = server == 0;
        try (SimProcess sim =
            new SimProcess(name, nagle ? List.of(NAGLE_ON) : List.of(), Simulators.options(name))) {
          Scenario scenario = Simulators.scenario(name, sim.url());
          int index = 0;
          for (int threads : mode.quick() ? new int[] {1} : new int[] {1, 8}) {
            int calls = calls(nagle, threads);
            Jvm.Run run = Clients.LATCHKEY.run(scenario, calls, threads);
            if (!run.clean()) {
              report.problem("call " + name + " (" + threads + " threads): " + run.tail());
            }
            double rate = calls * 1000.0 / Math.max(1, run.field("elapsed_ms"));
            if (nagle) {
              before[index] = rate;
            }
            table.row(
                name,
                scenario.kind(),
                nagle ? "Nagle on (as before issue 17)" : "as shipped (TCP_NODELAY)",
                threads,
                calls,
                Table.num(rate, 0),
                nagle ? "1.0" : Table.num(rate / before[index], 1),
                Math.max(0, run.field("failed")),
                Machine.loadAverage());
            if (!nagle && threads == 1 && before[0] > 0) {
              double ratio = rate / before[0];
              report.goal(
                  "wire",
                  name + ": sequential `call` >= 10x main's rate (" + (int) MAIN_SEQUENTIAL
                      + " calls/s) and >= 10x Nagle on in this run",
                  Table.num(rate, 0) + " calls/s: " + Table.num(rate / MAIN_SEQUENTIAL, 1)
                      + "x main, " + Table.num(ratio, 1) + "x Nagle on",
                  rate >= 10 * MAIN_SEQUENTIAL && ratio >= 10);
            }
            index++;
          }
        }
      }
    }
    report.table("wire", table);
  }

  private int calls(boolean nagle, int threads) {
    // Nagle on pays 40 ms a call: few calls measure it well. As shipped, enough calls that the
    // JVM's warm-up is a small part.
    if (nagle) {
      return mode.quick() ? 10 * threads : 50 * threads;
    }
    return mode.quick() ? 200 : (threads == 1 ? 2000 : 4000);
  }
}
