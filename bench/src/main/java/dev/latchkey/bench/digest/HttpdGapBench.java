package dev.latchkey.bench.digest;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Mode;
import dev.latchkey.bench.Report;
import dev.latchkey.bench.Table;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * The warm single-thread gap on httpd (issue 17): each client makes the same digest requests
 * (one thread, 300 s nonces) in this JVM, and the harness counts, besides requests/s, the JVM's
 * CPU time, the JIT's compile time and the context switches of every JVM thread per request (from
 * {@code /proc/self/task/N/status}, voluntary and involuntary apart; {@link GapSample}).
 *
 * <p>Two things are measured. First, in fresh JVMs ({@link GapOrderProbe}), the former protocol
 * (each client warmed with 3,000 requests and measured right after, one after the other) in two
 * orders: the OkHttp client measured first is the slow one, Latchkey or okhttp-digest alike,
 * because it pays for compiling OkHttp's code, which both share (the C2 compiler's switches and
 * the CPU it takes from the calling thread on two cores). That order, Latchkey first, was the
 * "Latchkey 0.70x" of the earlier runs. Then the comparison itself: every client warms until the
 * JIT is quiet, then all are measured in rounds, in rotated order, with Latchkey's own additions
 * to the user's OkHttp client ({@code TCP_NODELAY}, the check of {@code Authentication-Info})
 * taken away one at a time. What remains between OkHttp and HttpClient 5 is OkHttp's: okio's
 * watchdog thread times every read, which the calling thread wakes, and the connection pool
 * schedules its clean-up on a task thread whenever a connection goes idle; HttpClient's timeout
 * is the socket's own {@code SO_TIMEOUT}. The row without timeouts shows what the watchdog costs.
 */
public final class HttpdGapBench {
  static final String USER = "robot";
  static final String PASSWORD = "bench-password";
  private static final String NO_TIMEOUTS = "okhttp-digest 3.1.1, no read/write timeout";
  private static final String LATCHKEY_NAGLE = "Latchkey, Nagle on (no TCP_NODELAY)";
  private static final String LATCHKEY_NO_INFO = "Latchkey, Authentication-Info removed";
  /** A warm-up pass over every client adding less JIT time than this counts as quiet. */
  private static final long QUIET_JIT_MILLIS = 50;

  private final Mode mode;
  private final Report report;

  public HttpdGapBench(Mode mode, Report report) {
    this.mode = mode;
    this.report = report;
  }

  public void run() throws Exception {
    if (!HttpdPeer.available()) {
      System.out.println("gap: apache2 not installed, left out");
      return;
    }
    try (HttpdPeer httpd = new HttpdPeer(USER, PASSWORD, 300)) {
      orderProbe(httpd.url());
      compare(httpd.url());
    }
  }

  /** The former protocol in two fresh JVMs, Latchkey first and okhttp-digest first. */
  private void orderProbe(String url) throws Exception {
    int warm = mode.quick() ? 300 : 3000;
    int requests = mode.quick() ? 1000 : 20_000;
    Table table = new Table(
        "The former protocol in a fresh JVM, in two orders: each client warmed with " + warm
            + " requests, then measured (" + requests + " requests), one after the other",
        "order",
        "client",
        "requests/s",
        "JIT compiling ms",
        "calling thread CPU µs/request",
        "switches/request: calling thread",
        "involuntary",
        "JIT compiler threads",
        "okio watchdog",
        "OkHttp task threads",
        "load avg");
    List<List<String>> orders = List.of(
        List.of(Anchors.HTTPCLIENT5, Anchors.LATCHKEY, Anchors.OKHTTP_DIGEST),
        List.of(Anchors.HTTPCLIENT5, Anchors.OKHTTP_DIGEST, Anchors.LATCHKEY));
    for (List<String> order : orders) {
      String label = order.get(1) + " first";
      for (Map.Entry<String, GapSample> e : probe(url, warm, requests, order).entrySet()) {
        GapSample sample = e.getValue();
        table.row(
            label,
            e.getKey(),
            Table.num(sample.rate(), 0),
            sample.jitMillis(),
            Table.num(sample.callerCpuNanos() / (double) sample.requests() / 1000, 1),
            Table.num(sample.perRequest(GapSample.CALLER), 2),
            Table.num(
                sample.switches().getOrDefault(GapSample.CALLER, new long[2])[1]
                    / (double) sample.requests(),
                2),
            Table.num(sample.perRequest("C1 Compiler") + sample.perRequest("C2 Compiler"), 2),
            Table.num(sample.perRequest("Okio Watchdog"), 2),
            Table.num(sample.perRequest("OkHttp "), 2),
            sample.load());
      }
    }
    report.table("gap", table);
  }

  /** Runs {@link GapOrderProbe} in a fresh JVM with this one's class path; its samples by client. */
  private Map<String, GapSample> probe(String url, int warm, int requests, List<String> order)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-cp",
        System.getProperty("java.class.path"),
        GapOrderProbe.class.getName(),
        url,
        Integer.toString(warm),
        Integer.toString(requests)));
    command.addAll(order);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, GapSample> samples = new LinkedHashMap<>();
    StringBuilder other = new StringBuilder();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(GapOrderProbe.PREFIX)) {
          String rest = line.substring(GapOrderProbe.PREFIX.length());
          int tab = rest.indexOf('\t');
          samples.put(rest.substring(0, tab), GapSample.parse(rest.substring(tab + 1)));
        } else {
          other.append(line).append('\n');
        }
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    if (process.exitValue() != 0 || samples.size() != order.size()) {
      report.problem("gap: the order probe " + order + " failed: " + other);
    }
    samples.values().stream()
        .filter(s -> s.refused() > 0)
        .findAny()
        .ifPresent(s -> report.problem("gap: the order probe saw answers other than 200"));
    return samples;
  }

  /** Every variant warmed until the JIT is quiet, then measured in rotated rounds. */
  private void compare(String url) throws Exception {
    int warm = mode.quick() ? 300 : 3000;
    // Many short rounds: the machine's load drifts over tens of seconds, so each client is
    // compared with the others measured in the same round, seconds apart (median of the ratios).
    int requests = mode.quick() ? 1000 : 3000;
    int rounds = mode.quick() ? 1 : 12;
    Map<String, Supplier<LoadClient>> variants = variants(url);
    List<String> names = new ArrayList<>(variants.keySet());
    Map<String, LoadClient.Caller> callers = new LinkedHashMap<>();
    Map<String, GapSample> samples = new LinkedHashMap<>();
    Map<String, List<Double>> perRound = new LinkedHashMap<>();
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    List<LoadClient> clients = new ArrayList<>();
    int passes = 0;
    long lastPassJit = -1;
    try {
      for (String name : names) {
        LoadClient client = variants.get(name).get();
        clients.add(client);
        callers.put(name, client.caller());
      }
      // Every client warms before any is measured, and until a whole pass compiles next to
      // nothing: the OkHttp clients share OkHttp's code, and the first one measured would
      // otherwise pay the JIT for the others (see the order probe).
      int maxPasses = mode.quick() ? 1 : 10;
      do {
        long jit = Machine.jitMillis();
        for (String name : names) {
          GapSample.measure(callers.get(name), warm);
        }
        lastPassJit = Machine.jitMillis() - jit;
        passes++;
      } while (passes < maxPasses && lastPassJit >= QUIET_JIT_MILLIS);
      for (int round = 0; round < rounds; round++) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          String name = names.get((i + round) % names.size());
          try {
            GapSample sample = GapSample.measure(callers.get(name), requests);
            samples.merge(name, sample, GapSample::plus);
            rates.put(name, sample.rate());
          } catch (Exception e) {
            fail(name, "did not finish: " + e);
          }
        }
        for (Map.Entry<String, Double> e : rates.entrySet()) {
          for (String anchor : List.of(Anchors.HTTPCLIENT5, Anchors.OKHTTP_DIGEST)) {
            if (rates.containsKey(anchor)) {
              ratios
                  .computeIfAbsent(e.getKey() + "/" + anchor, k -> new ArrayList<>())
                  .add(e.getValue() / rates.get(anchor));
            }
          }
          perRound.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
      }
    } finally {
      for (LoadClient client : clients) {
        client.close();
      }
    }
    Table table = new Table(
        "Warm, 1 thread, digest on httpd (300 s nonces): requests/s, JVM CPU time and "
            + "context switches per request of each JVM thread (every client warmed in "
            + passes + " passes of " + warm + " requests, the last compiling " + lastPassJit
            + " ms; then " + rounds + " rounds of " + requests
            + " requests, clients in rotated order; CPU and switches over all rounds)",
        "client",
        "requests/s: median of rounds",
        "range",
        "x HttpClient 5 (same round, median)",
        "x okhttp-digest (same round, median)",
        "JVM CPU µs/request",
        "calling thread CPU µs/request",
        "JIT compiling ms",
        "switches/request: calling thread",
        "okio watchdog",
        "OkHttp task threads",
        "others",
        "load avg");
    Table threadTable = new Table(
        "Context switches per request of every JVM thread that made at least 0.01 (same run;"
            + " Linux cuts thread names to 15 characters)",
        "client",
        "thread",
        "switches/request",
        "voluntary",
        "involuntary");
    for (String name : names) {
      GapSample sample = samples.get(name);
      if (sample == null) {
        continue;
      }
      if (sample.refused() > 0) {
        fail(name, sample.refused() + " requests were not answered 200");
      }
      double caller = sample.perRequest(GapSample.CALLER);
      double watchdog = sample.perRequest("Okio Watchdog");
      double tasks = sample.perRequest("OkHttp ");
      table.row(
          name,
          Table.num(median(perRound.get(name)), 0),
          Table.num(Collections.min(perRound.get(name)), 0) + "-"
              + Table.num(Collections.max(perRound.get(name)), 0),
          ratio(ratios.get(name + "/" + Anchors.HTTPCLIENT5)),
          ratio(ratios.get(name + "/" + Anchors.OKHTTP_DIGEST)),
          Table.num(sample.cpuNanos() / (double) sample.requests() / 1000, 0),
          Table.num(sample.callerCpuNanos() / (double) sample.requests() / 1000, 1),
          sample.jitMillis(),
          Table.num(caller, 2),
          Table.num(watchdog, 2),
          Table.num(tasks, 2),
          Table.num(Math.max(0, sample.perRequest("") - caller - watchdog - tasks), 2),
          sample.load());
      sample.threads(threadTable, name);
    }
    report.table("gap", table);
    report.table("gap", threadTable);
  }

  private static String ratio(List<Double> ratios) {
    return ratios == null ? "" : Table.num(median(ratios), 2);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** A problem for a Latchkey variant, a note for an anchor. */
  private void fail(String name, String what) {
    if (name.startsWith(Anchors.LATCHKEY)) {
      report.problem("gap: " + name + " " + what);
    } else {
      System.out.println("gap: " + name + " " + what);
    }
  }

  /**
   * Every client side by side, and Latchkey with one of its additions to the user's OkHttp client
   * taken away at a time (the bisection of the gap).
   */
  private static Map<String, Supplier<LoadClient>> variants(String url) {
    Duration lifetime = Duration.ofSeconds(300);
    Map<String, Supplier<LoadClient>> variants = new LinkedHashMap<>();
    variants.put(
        Anchors.HTTPCLIENT5,
        () -> Anchors.create(Anchors.HTTPCLIENT5, url, USER, PASSWORD, lifetime));
    variants.put(
        Anchors.OKHTTP_DIGEST,
        () -> Anchors.create(Anchors.OKHTTP_DIGEST, url, USER, PASSWORD, lifetime));
    variants.put(
        Anchors.LATCHKEY, () -> Anchors.create(Anchors.LATCHKEY, url, USER, PASSWORD, lifetime));
    variants.put(
        LATCHKEY_NAGLE,
        () -> Anchors.latchkey(
            LATCHKEY_NAGLE,
            url,
            USER,
            PASSWORD,
            lifetime,
            base -> base,
            latchkey ->
                latchkey.customize(plain -> plain.socketFactory(SocketFactory.getDefault()))));
    variants.put(
        LATCHKEY_NO_INFO,
        () -> Anchors.latchkey(
            LATCHKEY_NO_INFO,
            url,
            USER,
            PASSWORD,
            lifetime,
            // The user's network interceptors run after Latchkey's signer, nearer the wire:
            // the answer reaches the digest engine without the header.
            base -> base.addNetworkInterceptor(chain -> chain
                .proceed(chain.request())
                .newBuilder()
                .removeHeader("Authentication-Info")
                .build()),
            latchkey -> latchkey));
    variants.put(NO_TIMEOUTS, () -> Anchors.okhttpDigest(NO_TIMEOUTS, url, USER, PASSWORD, false));
    return variants;
  }
}
