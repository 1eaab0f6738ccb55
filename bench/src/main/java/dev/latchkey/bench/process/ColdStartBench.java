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
 * A fresh JVM's first authenticated call: the wall time of a process that makes one call, from
 * its start to its exit, for each auth kind against its simulator (digest also against Apache
 * httpd), Latchkey's {@code call} against plain OkHttp, against Retrofit with a Jackson converter,
 * and against Retrofit with none (the floor of any Retrofit-based client, so that what is
 * Retrofit's and what is Latchkey's show apart), run in rotation so that the machine's load falls
 * on all alike.
 */
public final class ColdStartBench {
  private final Mode mode;
  private final Report report;

  public ColdStartBench(Mode mode, Report report) {
    this.mode = mode;
    this.report = report;
  }

  public void run() throws Exception {
    Table table = new Table(
        "Cold start: wall time of a fresh JVM making one authenticated call, ms",
        "auth",
        "server",
        "client",
        "median",
        "min",
        "max",
        "x plain OkHttp",
        "CPU ms (median)",
        "CPU x plain OkHttp",
        "runs",
        "load avg");
    for (String name : Simulators.NAMES) {
      try (SimProcess sim = new SimProcess(name, List.of(), Simulators.options(name))) {
        measure(Simulators.scenario(name, sim.url()), table);
      }
    }
    if (HttpdPeer.available() && !mode.quick()) { // quick mode: burst runs digest on httpd
      try (HttpdPeer httpd = new HttpdPeer("robot", "bench-password", 300)) {
        String url = httpd.url();
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        measure(
            new Scenario(
                "digest",
                "Apache httpd",
                "ondemand",
                base,
                url.substring(base.length()),
                "robot",
                "bench-password",
                List.of()),
            table);
      }
    } else {
      System.out.println("cold start: apache2 not installed, httpd row left out");
    }
    report.table("cold", table);
  }

  private void measure(Scenario scenario, Table table) throws Exception {
    int runs = mode.quick() ? 1 : 9;
    Map<Clients, List<Double>> walls = new EnumMap<>(Clients.class);
    Map<Clients, List<Double>> cpus = new EnumMap<>(Clients.class);
    Clients[] order = Clients.values();
    // One untimed run each: the OS's file cache holds the jars for every client alike. Quick mode
    // (CI) only proves that each client still runs.
    for (Clients client : mode.quick() ? new Clients[0] : order) {
      client.run(scenario, 1, 1);
    }
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < order.length; i++) {
        Clients client = order[(r + i) % order.length];
        Jvm.Run run = client.run(scenario, 1, 1);
        if (!run.clean()) {
          String what =
              client + " " + scenario.kind() + " on " + scenario.server() + ": " + run.tail();
          if (client == Clients.LATCHKEY) {
            report.problem("cold start " + what);
          } else {
            System.out.println("cold start anchor failed: " + what);
          }
          continue;
        }
        walls.computeIfAbsent(client, c -> new ArrayList<>()).add(run.wallMillis());
        if (!Double.isNaN(run.cpuMillis())) {
          cpus.computeIfAbsent(client, c -> new ArrayList<>()).add(run.cpuMillis());
        }
      }
    }
    Stats plain = Stats.of(walls.getOrDefault(Clients.OKHTTP, List.of()));
    Stats retrofit = Stats.of(walls.getOrDefault(Clients.RETROFIT, List.of()));
    Stats bare = Stats.of(walls.getOrDefault(Clients.RETROFIT_BARE, List.of()));
    Stats latchkey = Stats.of(walls.getOrDefault(Clients.LATCHKEY, List.of()));
    Stats plainCpu = Stats.of(cpus.getOrDefault(Clients.OKHTTP, List.of()));
    for (Clients client : order) {
      Stats s = Stats.of(walls.getOrDefault(client, List.of()));
      Stats cpu = Stats.of(cpus.getOrDefault(client, List.of()));
      table.row(
          scenario.kind(),
          scenario.server(),
          client.label,
          Table.num(s.median(), 0),
          Table.num(s.min(), 0),
          Table.num(s.max(), 0),
          Table.num(s.median() / plain.median(), 2),
          Table.num(cpu.median(), 0),
          Table.num(cpu.median() / plainCpu.median(), 2),
          s.n(),
          Machine.loadAverage());
    }
    report.goal(
        "cold",
        "Cold start, " + scenario.kind() + " on " + scenario.server()
            + ": Latchkey <= 1.2x plain OkHttp and <= Retrofit + Jackson",
        "median " + Table.num(latchkey.median(), 0) + " ms vs OkHttp "
            + Table.num(plain.median(), 0)
            + " (" + Table.num(latchkey.median() / plain.median(), 2) + "x), Retrofit "
            + Table.num(retrofit.median(), 0) + " ("
            + Table.num(latchkey.median() / retrofit.median(), 2) + "x); bare Retrofit "
            + Table.num(bare.median(), 0) + " (" + Table.num(bare.median() / plain.median(), 2)
            + "x OkHttp)",
        latchkey.median() <= 1.2 * plain.median() && latchkey.median() <= retrofit.median());
  }
}
