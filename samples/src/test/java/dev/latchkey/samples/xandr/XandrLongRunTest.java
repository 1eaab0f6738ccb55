package dev.latchkey.samples.xandr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.sim.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 30 simulated hours of continuous use by 64 threads, the simulator and the client sharing one
 * clock: the client must log in exactly as often as the 24 h hard lifetime forces (twice), and
 * never see a failed call or a rejection.
 */
class XandrLongRunTest {
  private static final int THREADS = 64;
  private static final Duration STEP = Duration.ofMinutes(10);

  @Test
  void thirtyHoursOfSixtyFourThreadsNeedOnlyTwoLogins() throws Exception {
    SimClock clock = new SimClock(Instant.parse("2026-01-05T00:00:00Z"));
    List<AuthEvent> events = new CopyOnWriteArrayList<>();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (XandrSimulator sim = XandrSimulator.start(XandrSimulatorConfig.defaults(), clock);
        LatchkeyXandrApi api = LatchkeyXandrApi.builder()
            .baseUrl(sim.url().toString())
            .credentials(() -> new UserPassword(
                XandrSimulatorConfig.DEFAULT_USER, XandrSimulatorConfig.DEFAULT_PASSWORD))
            .clock(clock)
            .eventListener(events::add)
            .build()) {
      long steps = Duration.ofHours(30).dividedBy(STEP);
      for (long step = 0; step < steps; step++) {
        List<Future<?>> round = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          round.add(pool.submit(() -> {
            try {
              if (api.member().execute().isSuccessful()) {
                ok.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            } catch (Exception e) {
              failed.incrementAndGet();
            }
          }));
        }
        for (Future<?> future : round) {
          future.get(60, TimeUnit.SECONDS);
        }
        clock.advance(STEP);
      }
      assertEquals(0, failed.get());
      assertEquals(steps * THREADS, ok.get());
      assertEquals(2, sim.logins(), "30 h with a 24 h hard lifetime: two logins");
      assertEquals(0, sim.rejected());
      assertEquals(
          2, events.stream().filter(e -> e.type() == AuthEvent.Type.LOGIN).count());
      assertEquals(
          0, events.stream().filter(e -> e.type() == AuthEvent.Type.REJECTED).count());
    } finally {
      pool.shutdownNow();
    }
  }
}
