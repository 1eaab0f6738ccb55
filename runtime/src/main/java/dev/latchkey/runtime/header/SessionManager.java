package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The current session of one client, created on first use and replaced when idle or rejected.
 *
 * <p>Single flight, after google-auth-library's {@code OAuth2Credentials}: the current session is
 * read without a lock; when it is missing or stale, one caller creates the new one (outside the
 * lock) while the others wait for the same future. A caller replaces only the session it saw
 * fail: if another caller already replaced it, the newer session is used as is (generations).
 * Waiting is bounded because the creation call has a call timeout (see {@link SessionCalls}).
 */
final class SessionManager {
  private final SessionCalls calls;
  private final AuthContext context;
  private final Duration idleLifetime;
  private final Object lock = new Object();
  private volatile Session current;
  private CompletableFuture<Session> inFlight; // guarded by lock
  private long generations; // guarded by lock
  private boolean closed; // guarded by lock

  SessionManager(SessionCalls calls, AuthContext context, Duration idleLifetime) {
    this.calls = calls;
    this.context = context;
    this.idleLifetime = idleLifetime;
  }

  /** The session to use now: the current one, or a new one if there is none or it sat idle too long. */
  Session acquire() throws IOException {
    Session seen = current;
    if (seen != null && !seen.idleExpired(context.clock().instant(), idleLifetime)) {
      return seen;
    }
    return replace(seen, seen == null ? "first use" : "idle lifetime " + idleLifetime + " passed");
  }

  /** A session to replay with after {@code rejected} was refused: a new one, unless already replaced. */
  Session renewAfterRejection(Session rejected) throws IOException {
    return replace(rejected, "the server rejected generation " + rejected.generation());
  }

  /** Forgets {@code session} if it is still current, so that the next call creates a new one. */
  void invalidate(Session session) {
    synchronized (lock) {
      if (current == session) {
        current = null;
      }
    }
  }

  private Session replace(Session stale, String reason) throws IOException {
    CompletableFuture<Session> flight;
    boolean mine = false;
    synchronized (lock) {
      if (closed) {
        throw new LatchkeyException(context.clientName() + " is closed");
      }
      Session now = current;
      if (now != null && now != stale && !now.idleExpired(context.clock().instant(), idleLifetime)) {
        return now;
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        mine = true;
      }
      flight = inFlight;
    }
    return mine ? create(flight, stale, reason) : await(flight);
  }

  private Session create(CompletableFuture<Session> flight, Session stale, String reason) throws IOException {
    Session fresh;
    boolean closedMeanwhile;
    try {
      String key = calls.create();
      synchronized (lock) {
        fresh = new Session(key, ++generations, context.clock().instant());
        closedMeanwhile = closed;
        if (!closedMeanwhile) {
          current = fresh;
        }
        inFlight = null;
      }
    } catch (IOException | RuntimeException | Error e) {
      synchronized (lock) {
        inFlight = null;
        if (current == stale) {
          current = null;
        }
      }
      flight.completeExceptionally(e);
      throw e;
    }
    if (closedMeanwhile) {
      calls.end(fresh);
      LatchkeyException closedError = new LatchkeyException(context.clientName() + " is closed");
      flight.completeExceptionally(closedError);
      throw closedError;
    }
    if (stale != null) {
      context.emit(AuthEvent.Type.RENEWED, context.baseUrl().host(),
          "session generation " + fresh.generation() + " replaces " + stale.generation() + ": " + reason);
    }
    flight.complete(fresh);
    return fresh;
  }

  private static Session await(CompletableFuture<Session> flight) throws IOException {
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the session being created");
    } catch (ExecutionException e) {
      // The creator's own exception, so that every waiter sees the same typed failure.
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
      throw new LatchkeyException("session creation failed", cause);
    }
  }

  /** Ends the current session (if the API declares how) and refuses further sessions. */
  void close() {
    Session last;
    synchronized (lock) {
      closed = true;
      last = current;
      current = null;
    }
    if (last != null) {
      calls.end(last);
    }
  }

  @Override
  public String toString() {
    return "SessionManager{client=" + context.clientName() + ", current=" + current + "}";
  }
}
