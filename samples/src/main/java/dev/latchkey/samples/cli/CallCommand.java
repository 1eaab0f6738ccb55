package dev.latchkey.samples.cli;

import dev.latchkey.runtime.tls.PinningException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * {@code call SAMPLE PATH [flags]}: GETs PATH through the sample's generated client N times on C
 * threads and prints the first body and the {@code stats} line.
 */
final class CallCommand {
  static final List<String> FLAGS = List.of(
      "--base-url",
      "--env",
      "--user",
      "--password-env",
      "--host-context",
      "--api-key-env",
      "--repeat",
      "--concurrency",
      "--quiet",
      "--mode",
      "--trust-pem",
      "--pin",
      "--verbose",
      "--store");
  static final List<String> SWITCHES = List.of("--quiet", "--verbose");
  private static final long MAX_WAIT_MINUTES = 60;

  private CallCommand() {}

  /** Runs the command, printing as the contract says; returns the exit code. */
  static int run(Sample sample, Options options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    CallResult result = execute(sample, options, err);
    if (!options.has("--quiet") && result.firstBody() != null) {
      out.println(result.firstBody());
    }
    for (String failure : result.failures()) {
      err.println("failed: " + failure);
    }
    long unshown = result.failed() - result.failures().size();
    if (unshown > 0) {
      err.println("... and " + unshown + " more failures");
    }
    out.println(result.statsLine());
    out.flush();
    return result.failed() == 0 ? 0 : 1;
  }

  /** Checks the flags, builds the client and makes the calls; prints nothing. */
  static CallResult execute(Sample sample, Options options)
      throws IOException, InterruptedException {
    return execute(sample, options, System.err);
  }

  /** Like {@link #execute(Sample, Options)}; {@code --verbose} logs to {@code err}. */
  static CallResult execute(Sample sample, Options options, PrintStream err)
      throws IOException, InterruptedException {
    options.rejectUnknown("call", FLAGS);
    if (options.positional().size() != 1) {
      throw new Options.UsageException("call " + sample.name() + " takes one PATH, e.g. /products");
    }
    if (options.has("--base-url") == options.has("--env")) {
      throw new Options.UsageException("call needs exactly one of --base-url URL or --env NAME");
    }
    int repeat = positive(options, "--repeat");
    int concurrency = positive(options, "--concurrency");
    String path = options.positional().get(0);
    CallCounters counters = new CallCounters();
    OkHttpClient base = TlsOptions.apply(
            new OkHttpClient.Builder()
                .connectionPool(pool(concurrency))
                .addNetworkInterceptor(counters),
            sample,
            options,
            err)
        .build();
    try (SampleCall call = sample.client(options, base, counters)) {
      return callMany(call, path, repeat, concurrency, counters);
    } finally {
      base.dispatcher().executorService().shutdown();
      base.connectionPool().evictAll();
    }
  }

  /**
   * Room for one idle connection per thread. OkHttp keeps 5 idle connections by default: with more
   * threads, a connection going idle between two calls was closed and the next call opened a new
   * one (issue 17: 20,000 digest calls on 16 threads ran at 0.82x plain OkHttp).
   */
  static ConnectionPool pool(int concurrency) {
    return new ConnectionPool(Math.max(5, concurrency), 5, TimeUnit.MINUTES);
  }

  private static CallResult callMany(
      SampleCall call, String path, int repeat, int concurrency, CallCounters counters)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<String> failures = new ArrayList<>();
    String[] first = new String[1];
    // Read without the lock: once call 0 has its body, no call takes the lock again. A lock on
    // every call made 16 threads queue for it (issue 17's short-lived process).
    AtomicInteger firstIndex = new AtomicInteger(Integer.MAX_VALUE);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    for (int i = 0; i < repeat; i++) {
      int index = i;
      pool.execute(() -> {
        try {
          String body = call.get(path);
          ok.incrementAndGet();
          if (index < firstIndex.get()) {
            synchronized (first) {
              if (index < firstIndex.get()) {
                firstIndex.set(index);
                first[0] = body;
              }
            }
          }
        } catch (Exception | LinkageError e) {
          failed.incrementAndGet();
          synchronized (failures) {
            if (failures.size() < CallResult.MAX_FAILURES_SHOWN) {
              failures.add(describe(e));
            }
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(MAX_WAIT_MINUTES, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("calls still running after " + MAX_WAIT_MINUTES + " minutes");
    }
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    synchronized (first) {
      return new CallResult(
          repeat,
          ok.get(),
          failed.get(),
          counters.roundTrips(),
          counters.rejected(),
          counters.logins(),
          elapsed,
          first[0],
          failures);
    }
  }

  /**
   * One failure as printed: the pinning failure if there is one in the causes (it names the host
   * and says "certificate pinning", which a wrapper's message may not), else the error itself.
   */
  static String describe(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PinningException) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  private static int positive(Options options, String flag) {
    int value = options.integer(flag, 1);
    if (value < 1) {
      throw new Options.UsageException(flag + " must be at least 1, not " + value);
    }
    return value;
  }
}
