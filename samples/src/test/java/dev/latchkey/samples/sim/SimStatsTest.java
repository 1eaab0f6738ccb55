package dev.latchkey.samples.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimStatsTest {

  @Test
  void reportsContractCountersFirstThenExtrasAsJson() {
    SimStats stats = new SimStats("stale");
    stats.increment("stale");
    stats.increment(SimStats.LOGINS);
    assertEquals(
        "{\"requests\":0,\"rejected\":0,\"logins\":1,\"login_throttled\":0,\"stale\":1}",
        stats.toJson());
  }

  @Test
  void misspeltOrDuplicateCountersFailLoudly() {
    SimStats stats = new SimStats();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> stats.increment("login"));
    assertEquals(
        "no counter 'login'; declared: [requests, rejected, logins, login_throttled]",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SimStats("logins"));
  }

  @Test
  void countsExactlyUnderConcurrency() throws InterruptedException {
    SimStats stats = new SimStats();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 10_000; i++) {
      pool.execute(() -> stats.increment(SimStats.REQUESTS));
    }
    pool.shutdown();
    assertEquals(true, pool.awaitTermination(1, TimeUnit.MINUTES));
    assertEquals(10_000, stats.get(SimStats.REQUESTS));
  }
}
