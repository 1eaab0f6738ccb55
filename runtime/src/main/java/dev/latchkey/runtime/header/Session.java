package dev.latchkey.runtime.header;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One server session: its key, its generation (1, 2, ... per client) and when it was last used.
 * The key is a secret: {@link #toString()} shows the generation only.
 */
final class Session {
  private final String key;
  private final long generation;
  private final AtomicReference<Instant> lastUse;
  private volatile boolean proven;

  Session(String key, long generation, Instant created) {
    this.key = key;
    this.generation = generation;
    this.lastUse = new AtomicReference<>(created);
  }

  String key() {
    return key;
  }

  long generation() {
    return generation;
  }

  /** Records a use at {@code now}; concurrent uses keep the latest instant. */
  void touch(Instant now) {
    lastUse.accumulateAndGet(now, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** True once the idle lifetime has passed since the last use; never when the lifetime is unknown. */
  boolean idleExpired(Instant now, Duration idleLifetime) {
    return idleLifetime != null && !now.isBefore(lastUse.get().plus(idleLifetime));
  }

  /** The server has accepted this session at least once. */
  boolean proven() {
    return proven;
  }

  void markProven() {
    proven = true;
  }

  @Override
  public String toString() {
    return "Session{generation=" + generation + ", lastUse=" + lastUse.get() + "}";
  }
}
