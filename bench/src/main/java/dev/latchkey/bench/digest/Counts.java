package dev.latchkey.bench.digest;

import java.util.concurrent.atomic.AtomicLong;

/** Exchanges and 401 answers, counted where they happen (a server or a client). Thread-safe. */
final class Counts {
  private final AtomicLong exchanges = new AtomicLong();
  private final AtomicLong challenges = new AtomicLong();

  void record(int status) {
    exchanges.incrementAndGet();
    if (status == 401) {
      challenges.incrementAndGet();
    }
  }

  Snapshot snapshot() {
    return new Snapshot(exchanges.get(), challenges.get());
  }

  /** Counts at one moment; {@link #minus} gives a run's share. */
  record Snapshot(long exchanges, long challenges) {
    Snapshot minus(Snapshot before) {
      return new Snapshot(exchanges - before.exchanges, challenges - before.challenges);
    }
  }
}
