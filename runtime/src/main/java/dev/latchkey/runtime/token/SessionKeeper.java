package dev.latchkey.runtime.token;

import dev.latchkey.runtime.AccountUnusableException;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.LoginThrottledException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Holds the current session of one account and makes the logins, one at a time.
 *
 * <p>Modelled on google-auth-library-java's {@code OAuth2Credentials}: the session is an immutable
 * value in a volatile field, so a caller with a usable session takes no lock. A caller that finds
 * none (or one about to end) either starts the single login in flight or waits for it; the login
 * itself runs outside the lock. A caller whose call was refused with generation {@code g} asks for
 * renewal of {@code g} only: if another caller already replaced it, it gets the newer session.
 */
final class SessionKeeper {
  private final TokenConfig config;
  private final AuthContext context;
  private final LoginExchange exchange;
  private final LoginBudget budget;
  private final Object lock = new Object();
  private volatile Session current;
  private volatile Refusal refusal;
  private CompletableFuture<Session> inFlight; // guarded by lock
  private long lastGeneration; // guarded by lock
  private boolean everLoggedIn; // guarded by lock
  private final SharedSessions shared; // null without a session store

  /** A terminal login answer, remembered so later calls fail fast without spending the budget. */
  private record Refusal(LatchkeyException cause, long untilMillis) {}

  /** Marks the exceptions of a fail-fast refusal: no login was made, so none is recorded. */
  private interface FailFast {}

  private static final class FailFastRefused extends AuthenticationFailedException implements FailFast {
    private static final long serialVersionUID = 1L;

    FailFastRefused(String message) {
      super(message);
    }
  }

  private static final class FailFastUnusable extends AccountUnusableException implements FailFast {
    private static final long serialVersionUID = 1L;

    FailFastUnusable(String reason, String message) {
      super(reason, message);
    }
  }

  SessionKeeper(TokenConfig config, AuthContext context) {
    this.config = config;
    this.context = context;
    this.exchange = new LoginExchange(config, context);
    this.budget = new LoginBudget(config.loginLimit(), config.loginWindow());
    this.shared = config.sessionStore() == null ? null : new SharedSessions(config.sessionStore(), config, context);
  }

  /** A session usable now: the current one (no lock), or a fresh one from the login in flight. */
  Session acquire() throws IOException {
    Session session = current;
    if (session != null && usable(session)) {
      return session;
    }
    return loginOrJoin(session);
  }

  /** The server refused {@code failed}: forget it (only it) and return a newer session. */
  Session renew(Session failed) throws IOException {
    forget(failed);
    return loginOrJoin(failed);
  }

  /** Forgets {@code failed} if it is still current, so the next call logs in first. */
  void forget(Session failed) {
    synchronized (lock) {
      if (current == failed) {
        current = null;
      }
    }
    if (shared != null) {
      shared.invalidate(failed); // outside the lock: file IO
    }
  }

  /**
   * Logs the current session out ({@code close()}), once: the session is forgotten first, so a
   * second close finds none. A session shared through a store is left alone: other clients of the
   * store may be using it.
   */
  void logout() {
    Session session;
    synchronized (lock) {
      session = current;
      current = null;
    }
    if (session != null && shared == null) {
      exchange.logout(session);
    }
  }

  /** The server accepted {@code session} for a call sent at {@code sentAtMillis}. */
  void touched(Session session, long sentAtMillis) {
    session.touch(sentAtMillis);
    if (shared != null) {
      shared.touch(session, sentAtMillis);
    }
  }

  private boolean usable(Session session) {
    return session.usableAt(context.clock().millis(), config.idleLifetime(), config.hardLifetime());
  }

  private Session loginOrJoin(Session stale) throws IOException {
    CompletableFuture<Session> flight;
    long generation = 0;
    synchronized (lock) {
      Session session = current;
      if (session != null && session != stale && usable(session)) {
        return session;
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        generation = ++lastGeneration;
      }
      flight = inFlight;
    }
    if (generation != 0) {
      lead(flight, generation);
    }
    return await(flight);
  }

  private void lead(CompletableFuture<Session> flight, long generation) {
    Session fresh = null;
    Throwable failure = null;
    boolean renewal = false;
    boolean adopted = false;
    try {
      if (shared == null) {
        fresh = login(generation);
      } else {
        SharedSessions.Outcome outcome = shared.adoptOrLogin(generation, this::login);
        fresh = outcome.session();
        adopted = outcome.adopted();
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
      if (!(e instanceof FailFast)) {
        remember(e); // before the flight ends, so the next caller already sees it
      }
    } finally {
      synchronized (lock) {
        if (fresh != null) {
          renewal = everLoggedIn && !adopted;
          everLoggedIn |= !adopted;
          lastGeneration = Math.max(lastGeneration, fresh.generation());
          current = fresh;
        }
        inFlight = null;
      }
      // complete before anything else can throw, so no waiter is ever left hanging
      if (fresh != null) {
        flight.complete(fresh);
      } else {
        flight.completeExceptionally(failure != null ? failure : new LatchkeyException("login did not finish"));
      }
    }
    if (fresh != null && adopted) {
      emit(AuthEvent.Type.NOTICE, "adopted the stored session, generation " + fresh.generation());
    } else if (fresh != null) {
      emit(AuthEvent.Type.LOGIN, "generation " + fresh.generation());
      if (renewal) {
        emit(AuthEvent.Type.RENEWED, "generation " + fresh.generation());
      }
    } else if (failure != null && !(failure instanceof FailFast)) {
      report((Exception) failure);
    }
  }

  private Session login(long generation) throws IOException {
    failFastAfterRefusal();
    budget.reserve(context.clock(), config.maxThrottleWait());
    return exchange.login(generation);
  }

  private void failFastAfterRefusal() throws LatchkeyException {
    Refusal last = refusal;
    long now = context.clock().millis();
    if (last == null || now >= last.untilMillis()) {
      return;
    }
    String message = "not logging in again before " + Instant.ofEpochMilli(last.untilMillis())
        + " after: " + last.cause().getMessage();
    if (last.cause() instanceof AccountUnusableException unusable) {
      throw new FailFastUnusable(unusable.reason(), message);
    }
    throw new FailFastRefused(message);
  }

  private void remember(Exception e) {
    if (e instanceof LoginThrottledException throttled) {
      budget.blockUntil(throttled.nextLoginAllowed().toEpochMilli());
    } else if (e instanceof AuthenticationFailedException || e instanceof AccountUnusableException) {
      long until = context.clock().millis() + config.badPasswordBackoff().toMillis();
      refusal = new Refusal((LatchkeyException) e, until);
    }
  }

  private void report(Exception e) {
    if (e instanceof LoginThrottledException) {
      emit(AuthEvent.Type.THROTTLED, e.getMessage());
    } else {
      emit(AuthEvent.Type.LOGIN_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Session await(CompletableFuture<Session> flight) throws IOException {
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the login in flight");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new LatchkeyException("login failed", cause);
    }
  }

  private void emit(AuthEvent.Type type, String detail) {
    context.emit(type, context.baseUrl().host(), detail);
  }
}
