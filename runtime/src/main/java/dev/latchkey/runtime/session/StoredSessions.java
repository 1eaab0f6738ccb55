package dev.latchkey.runtime.session;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.runtime.store.SessionStore.Lifetimes;
import dev.latchkey.runtime.store.SessionStore.StoredSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The engine's side of the {@link SessionStore}, always present (in memory unless the user shares
 * one): the account key, adopting a usable stored session, saving a new one, forgetting a refused
 * generation, recording uses, and the store's share of the login budget. Only what the server
 * handed out is stored, never the password. Store failures outside the login never fail a call:
 * they become notices.
 */
final class StoredSessions {
  /** Store at most one "last use" per this many millis: touches are for idle lifetimes. */
  private static final long TOUCH_EVERY_MILLIS = 30_000;

  private final SessionStore store;
  private final SessionRecipe recipe;
  private final AuthContext context;
  private final AtomicLong persistedTouch = new AtomicLong(Long.MIN_VALUE);
  private volatile String account;

  StoredSessions(SessionStore store, SessionRecipe recipe, AuthContext context) {
    this.store = store;
    this.recipe = recipe;
    this.context = context;
  }

  /**
   * The store key: client name, auth kind, the credential's origin (issue 14, defect 2), and the
   * user with the values of the non-secret static headers (MediaSilo's host context selects the
   * account). Secret values (API keys) are left out, so a rotated key keeps the session.
   */
  String account(UserPassword credentials) {
    String key = account;
    if (key == null) {
      StringBuilder identity = new StringBuilder(credentials.user());
      for (StaticHeader header : recipe.headers()) {
        if (!header.secret()) {
          identity.append('\0').append(header.name()).append('=').append(header.value());
        }
      }
      key = SessionStore.accountKey(
          context.clientName(), recipe.kind(), context.origins().primary(), identity.toString());
      account = key;
    }
    return key;
  }

  <T> T locked(String key, Callable<T> action) throws IOException {
    return store.withLoginLock(key, action);
  }

  /**
   * A stored session that is still usable by {@code usable} (another client may have used it since
   * this one last did), never one a header cannot carry (defect 9). The store knows the configured
   * lifetimes, not one a login answer gave: for the generation this client already holds
   * ({@code stale}) that end is kept.
   */
  Session adopt(String key, Session stale, Predicate<Session> usable) throws IOException {
    Optional<StoredSession> stored = store.load(key, this::notice);
    if (stored.isEmpty()) {
      return null;
    }
    StoredSession s = stored.get();
    // A stored session holds the token only. What the login answer said besides (its end, its CSRF
    // value) is known for this client's own last session: a stored copy of it keeps both, so a
    // session that ended by its announced lifetime is not adopted back (F5's timeout).
    boolean own =
        stale != null && stale.generation == s.generation() && stale.token.equals(s.token());
    if (recipe.csrf() != null && !own) {
      notice("the stored session, generation " + s.generation()
          + ", has no CSRF value here; logging in instead");
      return null;
    }
    if (!Diagnosis.carriable(s.token())) {
      notice("the stored session, generation " + s.generation()
          + ", holds characters a header cannot carry;" + " logging in instead");
      return null;
    }
    // its creator saw the server accept it, or would have invalidated it
    Session candidate = new Session(
        s.token(),
        s.generation(),
        s.loginAtMillis(),
        own ? stale.endsAtMillis : Long.MAX_VALUE,
        s.lastUseMillis(),
        0,
        true,
        own ? stale.csrf : null);
    if (!usable.test(candidate)) {
      return null;
    }
    context.redactor().addSecret(s.token());
    persistedTouch.set(s.lastUseMillis());
    return candidate;
  }

  /** The store's login window: -1 when a login may start at {@code now}, else the earliest instant. */
  long reserve(String key, long now) throws IOException {
    if (recipe.loginLimit() <= 0) {
      return -1;
    }
    Optional<Instant> next = store.reserveLogin(
        key, Instant.ofEpochMilli(now), recipe.loginWindow(), recipe.loginLimit());
    return next.map(Instant::toEpochMilli).orElse(-1L);
  }

  /** The next generation: never one the store has seen, even for a session it already expired. */
  long nextGeneration(String key, long local) throws IOException {
    return Math.max(local, store.lastGeneration(key) + 1);
  }

  /** Saves a new session, with the hard lifetime shortened to the one its login answer gave. */
  void save(String key, Session fresh) {
    Duration hard = recipe.hardLifetime();
    if (fresh.endsAtMillis != Long.MAX_VALUE) {
      Duration said = Duration.ofMillis(Math.max(1, fresh.endsAtMillis - fresh.loginAtMillis));
      hard = hard == null || said.compareTo(hard) < 0 ? said : hard;
    }
    try {
      store.save(
          key,
          new StoredSession(
              fresh.token, fresh.generation, fresh.loginAtMillis, fresh.lastUseMillis()),
          new Lifetimes(recipe.idleLifetime(), hard));
    } catch (IOException | RuntimeException e) {
      // the login succeeded: this client keeps its session even if others cannot share it
      notice("session store could not save generation " + fresh.generation + ": "
          + e.getClass().getSimpleName());
    }
    persistedTouch.set(fresh.lastUseMillis());
  }

  /** The server refused {@code failed}: no client of the store should use its generation again. */
  void forget(Session failed) {
    String key = account;
    if (failed.local || key == null) {
      return;
    }
    try {
      store.invalidate(key, failed.generation);
    } catch (IOException | RuntimeException e) {
      notice("session store could not forget generation " + failed.generation + ": "
          + e.getClass().getSimpleName());
    }
  }

  /** Records a use of {@code session} at most every {@link #TOUCH_EVERY_MILLIS}; never fails a call. */
  void touch(Session session, long sentAtMillis) {
    long previous = persistedTouch.get();
    if (session.local
        || (previous != Long.MIN_VALUE && sentAtMillis - previous < TOUCH_EVERY_MILLIS)
        || !persistedTouch.compareAndSet(previous, sentAtMillis)) {
      return;
    }
    try {
      store.touch(account, session.generation, sentAtMillis);
    } catch (IOException | RuntimeException e) {
      notice("session store could not record a use: " + e.getClass().getSimpleName());
    }
  }

  private void notice(String detail) {
    context.emit(AuthEvent.Type.NOTICE, context.baseUrl().host(), detail);
  }
}
