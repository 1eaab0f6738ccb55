package dev.latchkey.runtime.token;

import dev.latchkey.runtime.LoginThrottledException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The login budget: at most {@code limit} logins in any sliding {@code window} (Xandr: "10 times
 * within a 5-minute period"), counted when a login starts, so logins in flight count too; and a
 * server-imposed "no login before" instant from a throttle answer. A login started at {@code t}
 * counts during {@code [t, t + window)}.
 */
final class LoginBudget {
  /** Waits are re-checked a few times at most, so a clock that stands still cannot loop us. */
  private static final int MAX_WAITS = 3;

  private final int limit;
  private final long windowMillis;
  private final Deque<Long> starts = new ArrayDeque<>();
  private long blockedUntil = Long.MIN_VALUE;

  LoginBudget(int limit, Duration window) {
    this.limit = limit;
    this.windowMillis = window == null ? 0 : window.toMillis();
  }

  /** Reserves one login at {@code now}: returns -1, or the earliest instant one would be allowed. */
  synchronized long tryReserve(long now) {
    if (now < blockedUntil) {
      return blockedUntil;
    }
    if (limit == 0) {
      return -1;
    }
    while (!starts.isEmpty() && starts.peekFirst() + windowMillis <= now) {
      starts.removeFirst();
    }
    if (starts.size() >= limit) {
      return starts.peekFirst() + windowMillis;
    }
    starts.addLast(now);
    return -1;
  }

  /** The earliest instant a login would be allowed at {@code now}, or -1 if one is now; reserves nothing. */
  synchronized long nextAllowed(long now) {
    if (now < blockedUntil) {
      return blockedUntil;
    }
    if (limit == 0) {
      return -1;
    }
    long inWindow = starts.stream().filter(start -> start + windowMillis > now).count();
    return inWindow >= limit ? starts.peekFirst() + windowMillis : -1;
  }

  /** The server said no login before {@code until}. */
  synchronized void blockUntil(long until) {
    blockedUntil = Math.max(blockedUntil, until);
  }

  /**
   * Reserves one login, waiting up to {@code maxWait} (real time, as measured by the clock's
   * distance to the allowed instant).
   *
   * @throws LoginThrottledException when none is allowed within {@code maxWait}
   */
  void reserve(Clock clock, Duration maxWait) throws LoginThrottledException, InterruptedIOException {
    long now = clock.millis();
    long deadline = now + maxWait.toMillis();
    for (int waits = 0; ; waits++) {
      long next = tryReserve(now);
      if (next < 0) {
        return;
      }
      if (next > deadline || waits >= MAX_WAITS) {
        throw new LoginThrottledException("login budget spent", Instant.ofEpochMilli(next));
      }
      try {
        Thread.sleep(Math.max(1, next - now));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the login budget");
      }
      now = clock.millis();
    }
  }
}
