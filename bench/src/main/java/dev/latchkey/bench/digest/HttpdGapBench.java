package dev.latchkey.bench.digest;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Mode;
import dev.latchkey.bench.Report;
import dev.latchkey.bench.Table;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why HttpClient 5 runs twice as many requests per second as the OkHttp clients against httpd
 * with one thread (the docs' digest table): each client makes the same warm digest requests in
 * this JVM, one after the other, and the harness counts, besides requests/s, the context switches
 * per request of every thread of the JVM (from {@code /proc/self/task/N/status}), which the
 * machine's load does not change. OkHttp implements read and write timeouts with okio's watchdog
 * thread, which every timed read wakes, and schedules its connection pool's clean-up on a task
 * thread whenever a connection goes idle; HttpClient's timeout is the socket's own {@code
 * SO_TIMEOUT}. The row without timeouts shows what the watchdog costs.
 */
public final class HttpdGapBench {
  private static final String USER = "robot";
  private static final String PASSWORD = "bench-password";
  private static final String CALLER = "gap-caller";
  private static final String NO_TIMEOUTS = "okhttp-digest 3.1.1, no read/write timeout";

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
    int warm = mode.quick() ? 300 : 3000;
    int requests = mode.quick() ? 1000 : 20_000;
    Table table = new Table(
        "Warm, 1 thread, digest on httpd (300 s nonces): requests/s and "
            + "context switches per request of each JVM thread (" + requests + " requests)",
        "client",
        "requests/s",
        "x HttpClient 5",
        "switches/request: calling thread",
        "okio watchdog",
        "OkHttp task threads",
        "others",
        "load avg");
    double httpClient = 0;
    try (HttpdPeer httpd = new HttpdPeer(USER, PASSWORD, 300)) {
      List<String> clients =
          List.of(Anchors.HTTPCLIENT5, Anchors.LATCHKEY, Anchors.OKHTTP_DIGEST, NO_TIMEOUTS);
      for (String name : clients) {
        try (LoadClient client = name.equals(NO_TIMEOUTS)
            ? Anchors.okhttpDigest(NO_TIMEOUTS, httpd.url(), USER, PASSWORD, false)
            : Anchors.create(name, httpd.url(), USER, PASSWORD, Duration.ofSeconds(300))) {
          LoadClient.Caller caller = client.caller();
          // A thread of its own: Linux shows its Java name (the main thread is "java").
          double[] seconds = new double[1];
          Exception[] failure = new Exception[1];
          Map<String, Map<String, Long>> counts = new TreeMap<>();
          Thread thread = new Thread(
              () -> {
                try {
                  for (int i = 0; i < warm; i++) {
                    call(caller, name);
                  }
                  counts.put("before", switches());
                  long start = System.nanoTime();
                  for (int i = 0; i < requests; i++) {
                    call(caller, name);
                  }
                  seconds[0] = (System.nanoTime() - start) / 1e9;
                  counts.put("after", switches());
                } catch (Exception e) {
                  failure[0] = e;
                }
              },
              CALLER);
          thread.start();
          thread.join(Duration.ofMinutes(5).toMillis());
          if (thread.isAlive() || failure[0] != null) {
            thread.interrupt();
            String what = "gap: " + name + " did not finish: " + failure[0];
            if (name.equals(Anchors.LATCHKEY)) {
              report.problem(what);
            } else {
              System.out.println(what);
            }
            continue;
          }
          Map<String, Long> before = counts.get("before");
          Map<String, Long> after = counts.get("after");
          double rate = requests / seconds[0];
          if (name.equals(Anchors.HTTPCLIENT5)) {
            httpClient = rate;
          }
          double caller0 = delta(before, after, CALLER) / (double) requests;
          double watchdog = delta(before, after, "Okio Watchdog") / (double) requests;
          double tasks = delta(before, after, "OkHttp ") / (double) requests;
          long all = after.values().stream().mapToLong(Long::longValue).sum()
              - before.values().stream().mapToLong(Long::longValue).sum();
          double others = all / (double) requests - caller0 - watchdog - tasks;
          table.row(
              name,
              Table.num(rate, 0),
              Table.num(rate / httpClient, 2),
              Table.num(caller0, 2),
              Table.num(watchdog, 2),
              Table.num(tasks, 2),
              Table.num(Math.max(0, others), 2),
              Machine.loadAverage());
        }
      }
    }
    report.table("gap", table);
  }

  /** One request; a failed one is a problem for Latchkey, a note for an anchor. */
  private void call(LoadClient.Caller caller, String name) throws IOException {
    if (!caller.call()) {
      if (name.equals(Anchors.LATCHKEY)) {
        report.problem("gap: a Latchkey request was not answered 200");
      } else {
        System.out.println("gap: an " + name + " request was not answered 200");
      }
    }
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String prefix) {
    long sum = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
    }
    return sum;
  }

  /**
   * Voluntary plus involuntary context switches of every live thread, by thread name (Linux
   * cuts names to 15 characters; same-named threads are added up).
   */
  static Map<String, Long> switches() throws IOException {
    Map<String, Long> byName = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return byName;
    }
    try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
      for (Path task : all) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          long count = 0;
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.contains("ctxt_switches")) {
              count += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
          byName.merge(name, count, Long::sum);
        } catch (IOException | RuntimeException threadEnded) {
          // a thread that ended between listing and reading: nothing to count
        }
      }
    }
    return byName;
  }
}
