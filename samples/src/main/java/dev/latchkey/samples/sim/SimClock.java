package dev.latchkey.samples.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock moved forward by hand and shared by a simulator and a client, so that demos and tests
 * show hours of idleness without waiting for them. Thread-safe.
 */
public final class SimClock extends Clock {
  private final AtomicLong millis;

  /** Starts at {@code start}. */
  public SimClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /** Starts now. */
  public SimClock() {
    this(Instant.now());
  }

  /** Moves the clock forward. */
  public void advance(Duration by) {
    millis.addAndGet(by.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
