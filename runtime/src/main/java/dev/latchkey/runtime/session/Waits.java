package dev.latchkey.runtime.session;

import dev.latchkey.runtime.LatchkeyException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;

/**
 * Every wait of the engine, bounded twice: by a limit of its own and by the waiting call itself.
 * OkHttp cancels a call when its call timeout fires ({@code RealCall}'s timeout calls {@code
 * cancel()}), so watching {@link Call#isCanceled()} honours both the call's own timeout and a
 * {@code cancel()} from another thread.
 */
final class Waits {
  /** How often a waiter looks at its call; a finished login wakes it at once. */
  private static final long SLICE_MILLIS = 25;

  private Waits() {}

  /** The login in flight's session, or its failure; ends early when {@code call} is cancelled. */
  static Session await(CompletableFuture<Session> flight, Call call, long maxMillis)
      throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    try {
      while (true) {
        check(call, deadline, "the login in flight");
        try {
          return flight.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
          // look at the call again
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the login in flight");
    } catch (ExecutionException e) {
      // The leader's own exception, so that every waiter sees the same typed failure.
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new LatchkeyException("login failed", cause);
    }
  }

  /** Sleeps {@code millis}; ends early (throwing) when {@code call} is cancelled. */
  static void sleep(long millis, Call call) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      while (true) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return;
        }
        if (call != null && call.isCanceled()) {
          throw new InterruptedIOException("canceled while waiting");
        }
        Thread.sleep(Math.min(left, SLICE_MILLIS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting");
    }
  }

  private static void check(Call call, long deadline, String what) throws InterruptedIOException {
    if (call != null && call.isCanceled()) {
      throw new InterruptedIOException("canceled while waiting for " + what);
    }
    if (System.nanoTime() - deadline > 0) {
      throw new InterruptedIOException("timeout while waiting for " + what);
    }
  }
}
