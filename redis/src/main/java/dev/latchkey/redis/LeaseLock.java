package dev.latchkey.redis;

import dev.latchkey.runtime.LatchkeyException;
import io.lettuce.core.SetArgs;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fleet-wide login lock of one account: {@code SET lock TOKEN NX PX lease}, so a worker that
 * dies holding it blocks the others for at most the lease; released by a script that deletes the
 * key only if it still holds this holder's token, so a holder whose lease ran out can never release
 * the lock someone else took since. Waiting polls with a capped backoff until a deadline.
 *
 * <p>While the holder works, {@link #keepAlive} renews the lease every third of it, so a login
 * that takes longer than the lease (a login may take its whole 60 s timeout, the default lease is
 * 30 s) keeps the lock, and a holder that dies still frees it within one lease (issue 14: the
 * lease ran out in the middle of a slow login and a second worker logged in too).
 */
final class LeaseLock {
  private static final long FIRST_POLL_MILLIS = 5;
  private static final long MAX_POLL_MILLIS = 50;

  private final RedisLink link;
  private final Duration lease;
  private final Duration maxWait;

  LeaseLock(RedisLink link, Duration lease, Duration maxWait) {
    this.link = link;
    this.lease = lease;
    this.maxWait = maxWait;
  }

  /** Takes the lock of {@code keys}: the token that releases it, or null if not had in time. */
  String acquire(RedisKeys keys) throws LatchkeyException, InterruptedIOException {
    String token = UUID.randomUUID().toString();
    SetArgs args = SetArgs.Builder.nx().px(lease.toMillis());
    long deadline = System.nanoTime() + maxWait.toNanos();
    long pause = FIRST_POLL_MILLIS;
    boolean uncertain = false;
    while (true) {
      try {
        if ("OK".equals(link.call(c -> c.set(keys.lock(), token, args)))) {
          return token;
        }
        // a SET that timed out earlier may have landed: then the lock is already ours
        if (uncertain && token.equals(link.call(c -> c.get(keys.lock())))) {
          return token;
        }
      } catch (RedisUnavailableException e) {
        // Gone (refused, disconnected): the caller goes local at once. Slow (timed out): keep
        // waiting within maxWait, as a worker logging in by itself is what fleet mode prevents.
        if (!link.lastFailureWasTimeout() || System.nanoTime() - deadline >= 0) {
          throw e;
        }
        uncertain = true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      try {
        Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the login lock");
      }
      pause = Math.min(MAX_POLL_MILLIS, pause * 2);
    }
  }

  /** Stops renewing a lease; renewals also stop by themselves once the lease is lost. */
  interface Renewal extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Renews {@code token}'s lease every third of it on {@code timer} until the returned handle is
   * closed, or until a renewal finds the lock no longer ours. A renewal that cannot reach Redis is
   * skipped: the next one tries again, and if the lease runs out meanwhile, {@link #release} says
   * so.
   */
  Renewal keepAlive(RedisKeys keys, String token, ScheduledExecutorService timer) {
    long period = Math.max(1, lease.toMillis() / 3);
    ScheduledFuture<?> renewing = timer.scheduleWithFixedDelay(
        () -> {
          long renewed;
          try {
            renewed = link.eval(
                Scripts.RENEW, List.of(keys.lock()), token, Long.toString(lease.toMillis()));
          } catch (LatchkeyException e) {
            return; // Redis away or slow: try again at the next period
          }
          if (renewed == 0) {
            // Lost: ScheduledExecutorService runs a periodic task that throws no more.
            throw new IllegalStateException("lease lost");
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
    return () -> renewing.cancel(false);
  }

  /** Releases the lock if {@code token} still holds it; false if the lease had run out. */
  boolean release(RedisKeys keys, String token) throws LatchkeyException {
    long released = link.eval(Scripts.UNLOCK, List.of(keys.lock()), token);
    return released == 1L;
  }

  Duration lease() {
    return lease;
  }

  Duration maxWait() {
    return maxWait;
  }
}
