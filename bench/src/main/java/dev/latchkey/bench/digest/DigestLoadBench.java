package dev.latchkey.bench.digest;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Mode;
import dev.latchkey.bench.Report;
import dev.latchkey.bench.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The digest load benchmark: for each server (Jetty, then httpd where installed), nonce
 * lifetime (300 s, 2 s) and thread count (1, 16), every client runs the same workload for the
 * same time; then the cold start. Tables go to the report, the chart to {@code chart}.
 */
public final class DigestLoadBench {
  static final String USER = "robot";
  /** A throw-away password for loopback servers this run starts; never printed. */
  private static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());

  private static final int[] THREADS = {1, 16};
  private static final int[] LIFETIMES_SECONDS = {300, 2};
  private static final int COLD_THREADS = 16;

  private final Mode mode;
  private final Report report;

  public DigestLoadBench(Mode mode, Report report) {
    this.mode = mode;
    this.report = report;
  }

  /** Runs everything; writes the chart of the Jetty and httpd throughput runs to {@code chart}. */
  public void run(Path chart) throws Exception {
    List<String> servers = new ArrayList<>(List.of("Jetty"));
    if (HttpdPeer.available()) {
      servers.add("httpd");
    } else {
      System.out.println("Apache httpd with mod_auth_digest not installed: its rows are skipped");
    }
    warmUp();
    List<LoadRun.Result> results = new ArrayList<>();
    for (String server : servers) {
      for (int lifetime : LIFETIMES_SECONDS) {
        try (DigestPeer peer = peer(server, lifetime)) {
          for (int threads : THREADS) {
            for (String client : Anchors.ALL) {
              results.add(measure(client, peer, threads, Duration.ofSeconds(lifetime)));
            }
          }
        }
      }
    }
    report.table("digest-load", throughputTable(results));
    throughputGoals(results);
    DigestChart.write(results, chart);
    ceiling(results);
    coldStart(servers);
  }

  /**
   * The two HTTP stacks without auth against the same Jetty: how fast each can go at all, so a
   * digest client's speed can be read against its own stack.
   */
  private void ceiling(List<LoadRun.Result> results) throws Exception {
    Table table = new Table(
        "HTTP stacks without auth, same Jetty (the ceiling of each client)",
        "threads",
        "client",
        "requests/s",
        "Latchkey (nonce 300 s) / this",
        "failures",
        "load avg");
    try (JettyPeer peer = new JettyPeer(USER, PASSWORD, 300_000)) {
      for (int threads : THREADS) {
        LoadRun.Result latchkey = results.stream()
            .filter(r -> r.client().equals(Anchors.LATCHKEY)
                && r.server().equals("Jetty")
                && r.threads() == threads
                && r.lifetime().toSeconds() == 300)
            .findFirst()
            .orElseThrow();
        for (String name : List.of(Anchors.BARE_OKHTTP, Anchors.BARE_HTTPCLIENT5)) {
          try (LoadClient client = Anchors.bare(name, peer.openUrl())) {
            LoadRun.Result r =
                LoadRun.run(client, peer, threads, Duration.ofSeconds(300), mode.digestRun(), 0);
            table.row(
                threads,
                name,
                Table.num(r.requestsPerSecond(), 0),
                Table.num(latchkey.requestsPerSecond() / r.requestsPerSecond(), 2),
                r.failed(),
                r.load());
          }
        }
      }
    }
    report.table("digest-ceiling", table);
  }

  private static DigestPeer peer(String server, int lifetimeSeconds) throws Exception {
    return server.equals("Jetty")
        ? new JettyPeer(USER, PASSWORD, lifetimeSeconds * 1000L)
        : new HttpdPeer(USER, PASSWORD, lifetimeSeconds);
  }

  /** An untimed run of each client first, so that no client pays the JIT for the others. */
  private void warmUp() throws Exception {
    try (DigestPeer peer = peer("Jetty", 300)) {
      for (String name : Anchors.ALL) {
        try (LoadClient client =
            Anchors.create(name, peer.url(), USER, PASSWORD, Duration.ofSeconds(300))) {
          LoadRun.run(client, peer, 16, Duration.ofSeconds(300), mode.digestWarmup(), 0);
        }
      }
    }
  }

  private LoadRun.Result measure(String name, DigestPeer peer, int threads, Duration lifetime)
      throws Exception {
    try (LoadClient client = Anchors.create(name, peer.url(), USER, PASSWORD, lifetime)) {
      LoadRun.Result result = LoadRun.run(client, peer, threads, lifetime, mode.digestRun(), 0);
      System.out.printf(
          "%-20s %-5s %2d threads, nonce %3d s: %8.0f req/s, %.4f exchanges/req,"
              + " %d 401s, %d failed %s, load %s%n",
          name,
          peer.name(),
          threads,
          lifetime.toSeconds(),
          result.requestsPerSecond(),
          result.exchangesPerRequest(),
          result.served().challenges(),
          result.failed(),
          result.firstError(),
          result.load());
      if (name.equals(Anchors.LATCHKEY) && result.failed() > 0) {
        report.problem("Latchkey failed " + result.failed() + " calls against " + peer.name()
            + " (" + threads + " threads, nonce " + lifetime.toSeconds() + " s): "
            + result.firstError());
      }
      if (result.ok() == 0) {
        report.problem(
            name + " made no successful call against " + peer.name() + ": " + result.firstError());
      }
      return result;
    }
  }

  private static Table throughputTable(List<LoadRun.Result> results) {
    Table table = new Table(
        "Digest load: same workload, same server, same run",
        "server",
        "threads",
        "nonce lifetime",
        "client",
        "requests/s",
        "x Latchkey",
        "exchanges/request",
        "401s (server)",
        "401s per lifetime",
        "exchanges (client)",
        "failures",
        "load avg");
    for (LoadRun.Result r : results) {
      LoadRun.Result latchkey = latchkeyOf(results, r);
      table.row(
          r.server(),
          r.threads(),
          r.lifetime().toSeconds() + " s",
          r.client(),
          Table.num(r.requestsPerSecond(), 0),
          Table.num(r.requestsPerSecond() / latchkey.requestsPerSecond(), 2),
          Table.num(r.exchangesPerRequest(), 4),
          r.served().challenges(),
          Table.num(r.challengesPerLifetime(), 2),
          r.seen().exchanges(),
          r.failed(),
          r.load());
    }
    return table;
  }

  private static LoadRun.Result latchkeyOf(List<LoadRun.Result> results, LoadRun.Result r) {
    return results.stream()
        .filter(o -> o.client().equals(Anchors.LATCHKEY)
            && o.server().equals(r.server())
            && o.threads() == r.threads()
            && o.lifetime().equals(r.lifetime()))
        .findFirst()
        .orElseThrow();
  }

  /** Issue 8: Jetty, 16 threads, 2 s nonces: 401s at most one per lifetime plus one, and speed. */
  private void throughputGoals(List<LoadRun.Result> results) {
    for (String server : results.stream().map(LoadRun.Result::server).distinct().toList()) {
      List<LoadRun.Result> scenario = results.stream()
          .filter(r -> r.server().equals(server)
              && r.threads() == 16
              && r.lifetime().equals(Duration.ofSeconds(2)))
          .toList();
      LoadRun.Result latchkey = scenario.stream()
          .filter(r -> r.client().equals(Anchors.LATCHKEY))
          .findFirst()
          .orElseThrow();
      double allowed = Math.floor(latchkey.seconds() / 2.0) + 1;
      report.goal(
          "digest",
          server + ", 16 threads, 2 s nonces, " + Table.num(latchkey.seconds(), 1)
              + " s: Latchkey's 401s <= one per nonce lifetime + 1 (" + (long) allowed + ")",
          latchkey.served().challenges() + " 401s ("
              + Table.num(latchkey.challengesPerLifetime(), 2) + " per lifetime)",
          latchkey.served().challenges() <= allowed);
      LoadRun.Result best = scenario.stream()
          .filter(r -> !r.client().equals(Anchors.LATCHKEY))
          .max((a, b) -> Double.compare(a.requestsPerSecond(), b.requestsPerSecond()))
          .orElseThrow();
      report.goal(
          "digest",
          server + ", 16 threads, 2 s nonces: Latchkey's throughput >= the best anchor's",
          Table.num(latchkey.requestsPerSecond(), 0) + " req/s vs " + best.client() + " "
              + Table.num(best.requestsPerSecond(), 0) + " req/s",
          latchkey.requestsPerSecond() >= best.requestsPerSecond());
    }
  }

  /** 16 parallel first requests on a fresh client: how many exchanges reach the server. */
  private void coldStart(List<String> servers) throws Exception {
    Table table = new Table(
        "Digest cold start: 16 parallel first requests on a fresh client",
        "server",
        "client",
        "exchanges (median)",
        "min",
        "max",
        "401s (median)",
        "failures",
        "repeats",
        "load avg");
    for (String server : servers) {
      try (DigestPeer peer = peer(server, 300)) {
        for (String name : Anchors.ALL) {
          long[] exchanges = new long[mode.coldRepeats()];
          long[] challenges = new long[mode.coldRepeats()];
          long failures = 0;
          for (int i = 0; i < mode.coldRepeats(); i++) {
            try (LoadClient client =
                Anchors.create(name, peer.url(), USER, PASSWORD, Duration.ofSeconds(300))) {
              LoadRun.Result r = LoadRun.run(
                  client, peer, COLD_THREADS, Duration.ofSeconds(300), Duration.ofSeconds(30), 1);
              exchanges[i] = r.served().exchanges();
              challenges[i] = r.served().challenges();
              failures += r.failed();
            }
          }
          long median = median(exchanges);
          table.row(
              server,
              name,
              median,
              Arrays.stream(exchanges).min().orElse(0),
              Arrays.stream(exchanges).max().orElse(0),
              median(challenges),
              failures,
              mode.coldRepeats(),
              Machine.loadAverage());
          if (name.equals(Anchors.LATCHKEY)) {
            long max = Arrays.stream(exchanges).max().orElse(0);
            report.goal(
                "digest",
                server + " cold start, 16 parallel requests: Latchkey 17 exchanges",
                "median " + median + ", max " + max + " over " + mode.coldRepeats() + " runs",
                max == COLD_THREADS + 1 && failures == 0);
            if (failures > 0 || max != COLD_THREADS + 1) {
              report.problem("Latchkey cold start against " + server + ": exchanges "
                  + Arrays.toString(exchanges) + ", failures " + failures);
            }
          }
        }
      }
    }
    report.table("digest-cold", table);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
