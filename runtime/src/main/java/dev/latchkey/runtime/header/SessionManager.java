package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.SessionState;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
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
 * With a session store, the session is shared with every client of the store ({@link
 * SharedHeaderSessions}), and closing one client does not end the session the others use.
 */
final class SessionManager {
  private final SessionCalls calls;
  private final AuthContext context;
  private final Duration idleLifetime;
  private final SharedHeaderSessions shared; // null without a session store
  private final Object lock = new Object();
  private volatile Session current;
  private CompletableFuture<Session> inFlight; // guarded by lock
  private long generations; // guarded by lock
  private boolean closed; // guarded by lock

  SessionManager(SessionCalls calls, AuthContext context, Duration idleLifetime) {
    this(calls, context, idleLifetime, null);
  }

  SessionManager(
      SessionCalls calls, AuthContext context, Duration idleLifetime, SharedHeaderSessions shared) {
    this.calls = calls;
    this.context = context;
    this.idleLifetime = idleLifetime;
    this.shared = shared;
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
    if (shared != null) {
      shared.invalidate(rejected); // before looking into the store, so it is not adopted again
    }
    return replace(rejected, "the server rejected generation " + rejected.generation());
  }

  /** Forgets {@code session} if it is still current, so that the next call creates a new one. */
  void invalidate(Session session) {
    synchronized (lock) {
      if (current == session) {
        current = null;
      }
    }
    if (shared != null) {
      shared.invalidate(session); // outside the lock: store IO
    }
  }

  /** The server accepted {@code session} for a call sent at {@code sentAt}. */
  void used(Session session, Instant sentAt) {
    if (shared != null) {
      shared.touch(session, sentAt);
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
    boolean adopted = false;
    try {
      if (shared == null) {
        String key = calls.create();
        long generation;
        synchronized (lock) {
          generation = ++generations;
        }
        fresh = new Session(key, generation, context.clock().instant());
      } else {
        long next;
        synchronized (lock) {
          next = generations + 1;
        }
        SharedHeaderSessions.Outcome outcome = shared.adoptOrCreate(next, calls::create);
        fresh = outcome.session();
        adopted = outcome.adopted();
      }
      synchronized (lock) {
        generations = Math.max(generations, fresh.generation());
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
      if (shared == null) {
        calls.end(fresh);
      }
      LatchkeyException closedError = new LatchkeyException(context.clientName() + " is closed");
      flight.completeExceptionally(closedError);
      throw closedError;
    }
    if (adopted) {
      context.emit(AuthEvent.Type.NOTICE, context.baseUrl().host(),
          "adopted the stored session, generation " + fresh.generation());
    } else if (stale != null) {
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

  /**
   * Ends the current session (if the API declares how, and it is not shared through a store with
   * other clients) and refuses further sessions.
   */
  void close() {
    Session last;
    synchronized (lock) {
      closed = true;
      last = current;
      current = null;
    }
    if (last != null && shared == null) {
      calls.end(last);
    }
  }

  /**
   * The session state for health checks, from memory (one method, so the session engine that
   * replaces this class can offer the same view).
   */
  SessionState sessionState() {
    boolean creating;
    synchronized (lock) {
      if (closed) {
        return SessionState.of(SessionState.Status.CLOSED);
      }
      creating = inFlight != null;
    }
    if (creating) {
      return new SessionState(SessionState.Status.RENEWING, null, "session being created");
    }
    Session session = current;
    if (session == null) {
      return new SessionState(SessionState.Status.NONE, null, "no session yet");
    }
    if (session.idleExpired(context.clock().instant(), idleLifetime)) {
      return new SessionState(SessionState.Status.NONE, null, "session sat idle too long");
    }
    return new SessionState(SessionState.Status.LIVE, null, "generation " + session.generation());
  }

  @Override
  public String toString() {
    return "SessionManager{client=" + context.clientName() + ", current=" + current + "}";
  }
}
