package dev.latchkey.bench.process;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Mode;
import dev.latchkey.bench.Report;
import dev.latchkey.bench.Table;
import dev.latchkey.bench.digest.HttpdPeer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A short-lived process, as a cron job or a script runs one: a fresh JVM making 20,000 digest calls
 * on 16 threads against Apache httpd (300 s nonces), Latchkey's {@code call} against plain OkHttp
 * with okhttp-digest, alternating. calls/s counts the whole process, JVM start included.
 */
public final class BurstBench {
  private static final int THREADS = 16;

  private final Mode mode;
  private final Report report;

  public BurstBench(Mode mode, Report report) {
    this.mode = mode;
    this.report = report;
  }

  public void run() throws Exception {
    if (!HttpdPeer.available()) {
      System.out.println("burst: apache2 not installed, left out");
      return;
    }
    int calls = mode.quick() ? 2000 : 20_000;
    int runs = mode.quick() ? 1 : 5;
    List<Clients> clients = List.of(Clients.LATCHKEY, Clients.OKHTTP);
    Map<Clients, List<Double>> rates = new EnumMap<>(Clients.class);
    Map<Clients, List<Double>> inside = new EnumMap<>(Clients.class);
    try (HttpdPeer httpd = new HttpdPeer("robot", "bench-password", 300)) {
      String url = httpd.url();
      String base = url.substring(0, url.lastIndexOf('/') + 1);
      Scenario scenario = new Scenario(
          "digest",
          "Apache httpd",
          "ondemand",
          base,
          url.substring(base.length()),
          "robot",
          "bench-password",
          List.of());
      for (int r = 0; r < runs; r++) {
        for (int i = 0; i < clients.size(); i++) {
          Clients client = clients.get((r + i) % clients.size());
          Jvm.Run run = client.run(scenario, calls, THREADS);
          if (!run.clean()) {
            if (client == Clients.LATCHKEY) {
              report.problem("burst: " + run.tail());
            } else {
              System.out.println("burst anchor failed: " + run.tail());
            }
            continue;
          }
          rates
              .computeIfAbsent(client, c -> new ArrayList<>())
              .add(calls / (run.wallMillis() / 1000));
          inside
              .computeIfAbsent(client, c -> new ArrayList<>())
              .add(calls * 1000.0 / Math.max(1, run.field("elapsed_ms")));
        }
      }
    }
    Table table = new Table(
        "Short-lived process: " + calls + " digest calls on " + THREADS
            + " threads against httpd (300 s nonces), fresh JVM each, " + runs
            + " runs alternating",
        "client",
        "calls/s, whole process (median)",
        "min",
        "max",
        "calls/s, calls only (median)",
        "x plain OkHttp",
        "load avg");
    Stats plain = Stats.of(rates.getOrDefault(Clients.OKHTTP, List.of()));
    for (Clients client : clients) {
      Stats s = Stats.of(rates.getOrDefault(client, List.of()));
      Stats in = Stats.of(inside.getOrDefault(client, List.of()));
      table.row(
          client.label,
          Table.num(s.median(), 0),
          Table.num(s.min(), 0),
          Table.num(s.max(), 0),
          Table.num(in.median(), 0),
          Table.num(s.median() / plain.median(), 2),
          Machine.loadAverage());
    }
    report.table("burst", table);
    Stats latchkey = Stats.of(rates.getOrDefault(Clients.LATCHKEY, List.of()));
    report.goal(
        "burst",
        "Short-lived process, " + calls + " digest calls on " + THREADS
            + " threads (httpd): Latchkey >= 1.0x plain OkHttp + okhttp-digest",
        Table.num(latchkey.median(), 0) + " vs " + Table.num(plain.median(), 0) + " calls/s ("
            + Table.num(latchkey.median() / plain.median(), 2) + "x)",
        latchkey.median() >= plain.median());
  }
}
