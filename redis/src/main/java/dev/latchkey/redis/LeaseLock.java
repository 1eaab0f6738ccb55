package dev.latchkey.redis;

import dev.latchkey.runtime.LatchkeyException;
import io.lettuce.core.SetArgs;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The fleet-wide login lock of one account: {@code SET lock TOKEN NX PX lease}, so a worker that
 * dies holding it blocks the others for at most the lease; released by a script that deletes the
 * key only if it still holds this holder's token, so a holder whose lease ran out can never release
 * the lock someone else took since. Waiting polls with a capped backoff until a deadline.
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
