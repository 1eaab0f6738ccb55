package dev.latchkey.runtime.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * This client's login budget: at most {@code limit} logins in any sliding {@code window} (Xandr:
 * "10 times within a 5-minute period"), counted when a login starts, so logins in flight count
 * too; and a server-imposed "no login before" instant from a throttle answer. A login started at
 * {@code t} counts during {@code [t, t + window)}. Checking and recording are two steps so that
 * the engine records a login only once every other check (the store's window too) passed.
 */
final class LoginBudget {
  private final int limit;
  private final long windowMillis;
  private final Deque<Long> starts = new ArrayDeque<>();
  private long blockedUntil = Long.MIN_VALUE;

  LoginBudget(int limit, Duration window) {
    this.limit = limit;
    this.windowMillis = window == null ? 0 : window.toMillis();
  }

  /** The server said no login before {@code until}. */
  synchronized void blockUntil(long until) {
    blockedUntil = Math.max(blockedUntil, until);
  }

  /** The server's "no login before" instant if it is still ahead at {@code now}, else -1. */
  synchronized long blockedAt(long now) {
    return now < blockedUntil ? blockedUntil : -1;
  }

  /** -1 if a login may start at {@code now}, else the earliest instant one may. Records nothing. */
  synchronized long nextAllowed(long now) {
    if (now < blockedUntil) {
      return blockedUntil;
    }
    if (limit == 0) {
      return -1;
    }
    while (!starts.isEmpty() && starts.peekFirst() + windowMillis <= now) {
      starts.removeFirst();
    }
    return starts.size() >= limit ? starts.peekFirst() + windowMillis : -1;
  }

  /** Counts a login started at {@code now}. */
  synchronized void record(long now) {
    if (limit > 0) {
      starts.addLast(now);
    }
  }
}
