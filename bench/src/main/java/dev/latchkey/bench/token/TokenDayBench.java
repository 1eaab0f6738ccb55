package dev.latchkey.bench.token;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Mode;
import dev.latchkey.bench.Report;
import dev.latchkey.bench.Table;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.sim.SimClock;
import dev.latchkey.samples.xandr.LatchkeyXandrApi;
import dev.latchkey.samples.xandr.XandrSimulator;
import dev.latchkey.samples.xandr.XandrSimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated days of continuous use by 64 threads against the Xandr simulator, whose tokens live
 * 2 h after the last call and never beyond 24 h, with 10 logins per 5 minutes. Simulated time
 * moves by {@link Mode#tokenStep()} each time 64 calls have completed, so the load is the same
 * on any machine; the clock stops one step short of the last day's end, so the run covers
 * [start, start + days) and needs exactly one login per day: the lifetimes' minimum.
 */
public final class TokenDayBench {
  private static final int THREADS = 64;
  private static final Duration HARD = Duration.ofHours(24);
  /** No run takes longer than this in real time, whatever the machine. */
  private static final Duration REAL_LIMIT = Duration.ofMinutes(8);

  private final Mode mode;
  private final Report report;

  public TokenDayBench(Mode mode, Report report) {
    this.mode = mode;
    this.report = report;
  }

  /** One client's way of making a call: true for a 200. */
  @FunctionalInterface
  private interface Call {
    boolean call() throws Exception;
  }

  private record Outcome(
      String client,
      long ok,
      long failed,
      long logins,
      long throttled,
      long rejected,
      double seconds,
      String load) {}

  public void run() throws Exception {
    XandrSimulatorConfig config = XandrSimulatorConfig.defaults();
    List<Outcome> outcomes = new ArrayList<>();
    {
      SimClock clock = new SimClock(Instant.parse("2026-01-05T00:00:00Z"));
      try (XandrSimulator sim = XandrSimulator.start(config, clock);
          LatchkeyXandrApi api = LatchkeyXandrApi.builder()
              .baseUrl(sim.url().toString())
              .credentials(() -> new UserPassword(config.user(), config.password()))
              .clock(clock)
              .build()) {
        outcomes.add(day(
            "Latchkey (generated LatchkeyXandrApi)",
            sim,
            clock,
            () -> api.member().execute().isSuccessful()));
      }
    }
    {
      SimClock clock = new SimClock(Instant.parse("2026-01-05T00:00:00Z"));
      try (XandrSimulator sim = XandrSimulator.start(config, clock);
          NaiveTokenClient naive =
              new NaiveTokenClient(sim.url().toString(), config.user(), config.password())) {
        outcomes.add(
            day("naive: log in again on every 401", sim, clock, () -> naive.call("member")));
      }
    }
    long minimum = minimumLogins();
    Table table = new Table(
        "Token login: " + mode.tokenDays() + " simulated day(s), " + THREADS
            + " threads, Xandr simulator (2 h idle, 24 h hard, 10 logins / 5 min)",
        "client",
        "calls ok",
        "failures",
        "logins",
        "logins per day",
        "minimum per day",
        "logins refused (limit)",
        "401s",
        "real s",
        "load avg");
    for (Outcome o : outcomes) {
      table.row(
          o.client(),
          o.ok(),
          o.failed(),
          o.logins(),
          Table.num((double) o.logins() / mode.tokenDays(), 2),
          Table.num((double) minimum / mode.tokenDays(), 2),
          o.throttled(),
          o.rejected(),
          Table.num(o.seconds(), 1),
          o.load());
    }
    report.table("token", table);
    Outcome latchkey = outcomes.get(0);
    report.goal(
        "token",
        "Token: logins per simulated day at 64 threads equal the lifetimes' minimum" + " ("
            + minimum + " in " + mode.tokenDays() + " day(s)), no failures",
        latchkey.logins() + " logins, " + latchkey.failed() + " failures",
        latchkey.logins() == minimum && latchkey.failed() == 0);
    if (latchkey.failed() > 0 || latchkey.logins() != minimum) {
      report.problem("Latchkey token client: " + latchkey.logins() + " logins (minimum " + minimum
          + "), " + latchkey.failed() + " failures");
    }
  }

  /**
   * The fewest logins the lifetimes allow: the idle lifetime never runs out under constant load,
   * so one per hard lifetime begun, the first included.
   */
  private long minimumLogins() {
    Duration span = Duration.ofDays(mode.tokenDays()).minus(mode.tokenStep());
    return span.toMillis() / HARD.toMillis() + 1;
  }

  private Outcome day(String name, XandrSimulator sim, SimClock clock, Call call) throws Exception {
    long end = clock.millis() + Duration.ofDays(mode.tokenDays()).toMillis();
    AtomicLong completed = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long startNanos = System.nanoTime();
    long realDeadline = startNanos + REAL_LIMIT.toNanos();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          while (!done.get() && System.nanoTime() < realDeadline) {
            try {
              (call.call() ? ok : failed).incrementAndGet();
            } catch (Exception e) {
              failed.incrementAndGet();
            }
            if (completed.incrementAndGet() % THREADS == 0) {
              advance(clock, end, done);
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(REAL_LIMIT.toSeconds() + 60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    if (!done.get()) {
      report.problem(name + ": the simulated days did not finish within " + REAL_LIMIT);
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(
        "%s: %d ok, %d failed, %d logins, %d refused, %d 401s, %.1f s%n",
        name, ok.get(), failed.get(), sim.logins(), sim.loginThrottled(), sim.rejected(), seconds);
    return new Outcome(
        name,
        ok.get(),
        failed.get(),
        sim.logins(),
        sim.loginThrottled(),
        sim.rejected(),
        seconds,
        Machine.loadAverage());
  }

  /** Moves the clock one step, unless that would reach the end: then the run is over. */
  private synchronized void advance(SimClock clock, long end, AtomicBoolean done) {
    if (clock.millis() + mode.tokenStep().toMillis() >= end) {
      done.set(true);
    } else {
      clock.advance(mode.tokenStep());
    }
  }
}
