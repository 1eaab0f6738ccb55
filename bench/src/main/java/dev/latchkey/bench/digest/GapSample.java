package dev.latchkey.bench.digest;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Table;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * What one client did in one or more measured runs of the gap bench: requests, wall and JVM CPU
 * time, the JIT's compile time meanwhile, and the context switches of every JVM thread by name
 * (from {@code /proc/self/task/N/status}; voluntary and involuntary apart).
 *
 * @param callerCpuNanos CPU time of the calling thread alone: what the client itself costs per
 *     request, the least moved by the machine's load
 * @param switches by thread name as it was at the end of each run (same-named threads added up),
 *     each {voluntary, involuntary}
 * @param refused answers other than 200
 */
record GapSample(
    long requests,
    long nanos,
    long cpuNanos,
    long callerCpuNanos,
    long jitMillis,
    long refused,
    Map<String, long[]> switches,
    String load) {
  /** The calling thread's name: Linux shows a Java thread's name (the main thread is "java"). */
  static final String CALLER = "gap-caller";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * {@code requests} calls on a thread of its own named {@link #CALLER}, measured from its first
   * call to its last.
   *
   * @throws IOException if a call failed or the run did not end within 5 minutes
   */
  static GapSample measure(LoadClient.Caller caller, int requests) throws Exception {
    GapSample[] sample = new GapSample[1];
    Exception[] failure = new Exception[1];
    Thread thread = new Thread(
        () -> {
          try {
            Map<String, Switches> before = readSwitches();
            long cpu = Machine.processCpuNanos();
            long callerCpu = THREADS.getCurrentThreadCpuTime();
            long jit = Machine.jitMillis();
            long refused = 0;
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
              if (!caller.call()) {
                refused++;
              }
            }
            long nanos = System.nanoTime() - start;
            long cpuAfter = Machine.processCpuNanos();
            long callerCpuAfter = THREADS.getCurrentThreadCpuTime();
            long jitAfter = Machine.jitMillis();
            sample[0] = new GapSample(
                requests,
                nanos,
                cpuAfter - cpu,
                callerCpuAfter - callerCpu,
                jitAfter - jit,
                refused,
                minus(readSwitches(), before),
                Machine.loadAverage());
          } catch (Exception e) {
            failure[0] = e;
          }
        },
        CALLER);
    thread.start();
    thread.join(Duration.ofMinutes(5).toMillis());
    if (thread.isAlive()) {
      thread.interrupt();
      throw new IOException(requests + " requests did not end within 5 minutes");
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return sample[0];
  }

  GapSample plus(GapSample other) {
    Map<String, long[]> sum = new TreeMap<>(switches);
    other.switches.forEach((name, counts) -> sum.merge(name, counts, GapSample::add));
    return new GapSample(
        requests + other.requests,
        nanos + other.nanos,
        cpuNanos + other.cpuNanos,
        callerCpuNanos + other.callerCpuNanos,
        jitMillis + other.jitMillis,
        refused + other.refused,
        sum,
        other.load);
  }

  double rate() {
    return requests * 1e9 / nanos;
  }

  /** Switches per request of the threads whose name starts with {@code prefix} ("" for all). */
  double perRequest(String prefix) {
    long sum = 0;
    for (Map.Entry<String, long[]> e : switches.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        sum += e.getValue()[0] + e.getValue()[1];
      }
    }
    return sum / (double) requests;
  }

  /** A row per thread name that made at least one switch per hundred requests. */
  void threads(Table table, String client) {
    for (Map.Entry<String, long[]> e : switches.entrySet()) {
      long voluntary = e.getValue()[0];
      long involuntary = e.getValue()[1];
      if (voluntary + involuntary >= requests / 100) {
        table.row(
            client,
            e.getKey(),
            Table.num((voluntary + involuntary) / (double) requests, 2),
            Table.num(voluntary / (double) requests, 2),
            Table.num(involuntary / (double) requests, 2));
      }
    }
  }

  /** One tab-separated line, how a child JVM hands its sample to the harness ({@link #parse}). */
  String line() {
    StringJoiner threads = new StringJoiner(";");
    switches.forEach((name, counts) -> threads.add(name + "=" + counts[0] + "/" + counts[1]));
    return String.join(
        "\t",
        Long.toString(requests),
        Long.toString(nanos),
        Long.toString(cpuNanos),
        Long.toString(callerCpuNanos),
        Long.toString(jitMillis),
        Long.toString(refused),
        threads.toString(),
        load);
  }

  static GapSample parse(String line) {
    String[] f = line.split("\t", -1);
    Map<String, long[]> switches = new TreeMap<>();
    if (!f[6].isEmpty()) {
      for (String thread : f[6].split(";")) {
        int eq = thread.lastIndexOf('=');
        String[] counts = thread.substring(eq + 1).split("/");
        switches.put(
            thread.substring(0, eq),
            new long[] {Long.parseLong(counts[0]), Long.parseLong(counts[1])});
      }
    }
    return new GapSample(
        Long.parseLong(f[0]),
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Long.parseLong(f[3]),
        Long.parseLong(f[4]),
        Long.parseLong(f[5]),
        switches,
        f[7]);
  }

  private static long[] add(long[] a, long[] b) {
    return new long[] {a[0] + b[0], a[1] + b[1]};
  }

  /**
   * Switches per thread name between two readings, matched by thread id (a thread that started
   * in between counts from zero), named as at the second reading: OkHttp's task threads take the
   * name of the task they run, so a name is no key.
   */
  private static Map<String, long[]> minus(
      Map<String, Switches> after, Map<String, Switches> before) {
    Map<String, long[]> delta = new TreeMap<>();
    for (Map.Entry<String, Switches> e : after.entrySet()) {
      Switches now = e.getValue();
      Switches was = before.getOrDefault(e.getKey(), new Switches(now.name(), 0, 0));
      delta.merge(
          now.name(),
          new long[] {now.voluntary() - was.voluntary(), now.involuntary() - was.involuntary()},
          GapSample::add);
    }
    return delta;
  }

  /**
   * Voluntary and involuntary context switches of every live thread, by thread id, with the
   * thread's name at this moment (Linux cuts names to 15 characters).
   */
  static Map<String, Switches> readSwitches() throws IOException {
    Map<String, Switches> byId = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return byId;
    }
    try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
      for (Path task : all) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          long voluntary = 0;
          long involuntary = 0;
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
          byId.put(task.getFileName().toString(), new Switches(name, voluntary, involuntary));
        } catch (IOException | RuntimeException threadEnded) {
          // a thread that ended between listing and reading: nothing to count
        }
      }
    }
    return byId;
  }

  /** One thread's switch counters. */
  record Switches(String name, long voluntary, long involuntary) {}
}
