package dev.latchkey.bench.digest;

import dev.latchkey.bench.Machine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Runs one client against one peer on N threads, released together, for a fixed time. */
final class LoadRun {
  /** Lets the servers' logs catch up with the last answers before they are counted. */
  private static final long SETTLE_MILLIS = 300;

  private LoadRun() {}

  /**
   * What one run measured.
   *
   * @param served what the server answered (exchanges, 401s)
   * @param seen what the client saw on its side
   * @param firstError the first failure's type and message (secret-free), or "" if none
   */
  record Result(
      String client,
      String server,
      int threads,
      Duration lifetime,
      long ok,
      long failed,
      double seconds,
      Counts.Snapshot served,
      Counts.Snapshot seen,
      String firstError,
      String load) {

    double requestsPerSecond() {
      return ok / seconds;
    }

    double exchangesPerRequest() {
      return ok == 0 ? Double.NaN : (double) served.exchanges() / ok;
    }

    /** 401s per nonce lifetime the run lasted or began (a run shorter than one counts one). */
    double challengesPerLifetime() {
      return served.challenges() / Math.ceil(seconds / (lifetime.toMillis() / 1000.0));
    }
  }

  /**
   * Runs {@code threads} callers, each as many requests as it can for {@code duration}, or
   * exactly {@code callsPerThread} when that is positive (the cold start). Bounded: calls have
   * 10 s timeouts and the run is abandoned a minute past its end.
   */
  static Result run(
      LoadClient client,
      DigestPeer peer,
      int threads,
      Duration lifetime,
      Duration duration,
      int callsPerThread)
      throws Exception {
    Counts.Snapshot servedBefore = peer.served();
    Counts.Snapshot seenBefore = client.seen().snapshot();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>("");
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long startNanos;
    long endNanos;
    try {
      List<Future<?>> workers = new ArrayList<>();
      long[] deadline = new long[1];
      for (int t = 0; t < threads; t++) {
        LoadClient.Caller caller = client.caller();
        workers.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          int calls = 0;
          while (callsPerThread > 0 ? calls < callsPerThread : System.nanoTime() < deadline[0]) {
            calls++;
            try {
              if (caller.call()) {
                ok.incrementAndGet();
              } else {
                failed.incrementAndGet();
                firstError.compareAndSet("", "a final answer other than 200");
              }
            } catch (Exception e) {
              failed.incrementAndGet();
              firstError.compareAndSet("", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
          }
          return null;
        }));
      }
      startNanos = System.nanoTime();
      deadline[0] = startNanos + duration.toNanos();
      start.await(30, TimeUnit.SECONDS);
      for (Future<?> worker : workers) {
        worker.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
      }
      endNanos = System.nanoTime();
    } finally {
      pool.shutdownNow();
    }
    Thread.sleep(SETTLE_MILLIS);
    return new Result(
        client.name(),
        peer.name(),
        threads,
        lifetime,
        ok.get(),
        failed.get(),
        (endNanos - startNanos) / 1e9,
        peer.served().minus(servedBefore),
        client.seen().snapshot().minus(seenBefore),
        firstError.get(),
        Machine.loadAverage());
  }
}
