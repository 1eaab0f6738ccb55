package dev.latchkey.runtime.token;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.runtime.store.SessionStore.Lifetimes;
import dev.latchkey.runtime.store.SessionStore.StoredSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of {@link SessionKeeper} that talks to a {@link SessionStore}: under the store's login
 * lock it adopts a still-usable session another client (or process) saved, or logs in, counting the
 * login in the store's window so the budget covers every process. Only what the server handed out
 * is stored, never the password.
 */
final class SharedSessions {
  /** Store at most one "last use" per this many millis per session: touches are for idle lifetimes. */
  private static final long TOUCH_EVERY_MILLIS = 30_000;

  private final SessionStore store;
  private final TokenConfig config;
  private final AuthContext context;
  private final AtomicLong persistedTouch = new AtomicLong(Long.MIN_VALUE);
  private volatile String account;

  /** Makes a login for a generation (the keeper's budget check and exchange). */
  interface Login {
    Session login(long generation) throws IOException;
  }

  /** The session to use, and whether it came from the store rather than a login. */
  record Outcome(Session session, boolean adopted) {}

  SharedSessions(SessionStore store, TokenConfig config, AuthContext context) {
    this.store = store;
    this.config = config;
    this.context = context;
  }

  Outcome adoptOrLogin(long generation, Login login) throws IOException {
    String key = account();
    return store.withLoginLock(key, () -> {
      Optional<StoredSession> stored = store.load(key, this::notice);
      if (stored.isPresent()) {
        StoredSession s = stored.get();
        Session candidate = new Session(s.token(), s.generation(), s.loginAtMillis(), new AtomicLong(s.lastUseMillis()));
        if (candidate.usableAt(context.clock().millis(), config.idleLifetime(), config.hardLifetime())) {
          persistedTouch.set(s.lastUseMillis());
          return new Outcome(candidate, true);
        }
      }
      // never reuse a generation, even one whose session the store has already expired
      long next = Math.max(generation, store.lastGeneration(key) + 1);
      reserveShared(key);
      Session fresh = login.login(next);
      try {
        StoredSession saved = new StoredSession(fresh.token(), fresh.generation(),
            fresh.loginAtMillis(), fresh.lastUseMillis().get());
        store.save(key, saved, new Lifetimes(config.idleLifetime(), config.hardLifetime()));
      } catch (IOException | RuntimeException e) {
        // the login succeeded: this process keeps its session even if others cannot share it
        notice("session store could not save generation " + fresh.generation() + ": " + e.getClass().getSimpleName());
      }
      persistedTouch.set(fresh.lastUseMillis().get());
      return new Outcome(fresh, false);
    });
  }

  /** The shared sliding window: counted when a login starts, like {@link LoginBudget}. */
  private void reserveShared(String key) throws IOException {
    if (config.loginLimit() <= 0) {
      return;
    }
    Optional<Instant> next = store.reserveLogin(
        key, context.clock().instant(), config.loginWindow(), config.loginLimit());
    if (next.isPresent()) {
      throw new LoginThrottledException("login budget spent (shared session store)", next.get());
    }
  }

  /** The server refused {@code failed}: no process should use its generation again. */
  void invalidate(Session failed) {
    try {
      store.invalidate(account(), failed.generation());
    } catch (IOException | RuntimeException e) {
      notice("session store could not forget generation " + failed.generation() + ": " + e.getClass().getSimpleName());
    }
  }

  /** Records a use of {@code session} at most every {@link #TOUCH_EVERY_MILLIS}; never fails a call. */
  void touch(Session session, long sentAtMillis) {
    long previous = persistedTouch.get();
    if (previous != Long.MIN_VALUE && sentAtMillis - previous < TOUCH_EVERY_MILLIS) {
      return;
    }
    if (!persistedTouch.compareAndSet(previous, sentAtMillis)) {
      return;
    }
    try {
      store.touch(account(), session.generation(), sentAtMillis);
    } catch (IOException | RuntimeException e) {
      notice("session store could not record a use: " + e.getClass().getSimpleName());
    }
  }

  /** Client name plus a hash of the user: one entry per API and user, without the user's name. */
  private String account() {
    String key = account;
    if (key == null) {
      String user = config.usesJwt() ? config.signingKey().user() : config.credentials().get().user();
      key = SessionStore.accountKey(context.clientName(), user);
      account = key;
    }
    return key;
  }

  private void notice(String detail) {
    context.emit(AuthEvent.Type.NOTICE, context.baseUrl().host(), detail);
  }
}
