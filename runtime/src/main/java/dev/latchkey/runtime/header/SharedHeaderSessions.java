package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.runtime.store.SessionStore.Lifetimes;
import dev.latchkey.runtime.store.SessionStore.StoredSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The part of {@link SessionManager} that talks to a {@link SessionStore}: under the store's login
 * lock it adopts a session another client (or process, or worker of a fleet) created and that has
 * not sat idle too long, or creates one and stores it. Uses are recorded at most every {@link
 * #TOUCH_EVERY_MILLIS}, so any client's calls keep the shared session alive. Only what the server
 * handed out is stored, never the password.
 */
final class SharedHeaderSessions {
  /** The idle lifetime is an hour (MediaSilo): a stored use per 30 s per client is plenty. */
  private static final long TOUCH_EVERY_MILLIS = 30_000;

  private final SessionStore store;
  private final Supplier<String> accountKey;
  private volatile String account;
  private final Duration idleLifetime;
  private final AuthContext context;
  private final AtomicLong persistedTouch = new AtomicLong(Long.MIN_VALUE);

  /** Creates a session on the server and returns its key. */
  interface Creator {
    String create() throws IOException;
  }

  /** The session to use, and whether it came from the store rather than the server. */
  record Outcome(Session session, boolean adopted) {}

  /** {@code accountKey} is asked once, at first use: it reads the credentials. */
  SharedHeaderSessions(
      SessionStore store, Supplier<String> accountKey, Duration idleLifetime, AuthContext context) {
    this.store = store;
    this.accountKey = accountKey;
    this.idleLifetime = idleLifetime;
    this.context = context;
  }

  Outcome adoptOrCreate(long nextLocalGeneration, Creator creator) throws IOException {
    String account = account();
    return store.withLoginLock(
        account,
        () -> {
          Instant now = context.clock().instant();
          Optional<StoredSession> stored = store.load(account, this::notice);
          if (stored.isPresent()) {
            StoredSession s = stored.get();
            Session candidate =
                new Session(s.token(), s.generation(), Instant.ofEpochMilli(s.lastUseMillis()));
            if (!candidate.idleExpired(now, idleLifetime)) {
              candidate
                  .markProven(); // its creator saw the server accept it, or would have invalidated
                                 // it
              persistedTouch.set(s.lastUseMillis());
              return new Outcome(candidate, true);
            }
          }
          long generation = Math.max(nextLocalGeneration, store.lastGeneration(account) + 1);
          String key = creator.create();
          Instant created = context.clock().instant();
          Session fresh = new Session(key, generation, created);
          try {
            store.save(
                account,
                new StoredSession(key, generation, created.toEpochMilli(), created.toEpochMilli()),
                new Lifetimes(idleLifetime, null));
          } catch (IOException | RuntimeException e) {
            // the session exists: this client keeps it even if others cannot share it
            notice(
                "session store could not save generation "
                    + generation
                    + ": "
                    + e.getClass().getSimpleName());
          }
          persistedTouch.set(created.toEpochMilli());
          return new Outcome(fresh, false);
        });
  }

  /** The server refused {@code failed}: no client should use its generation again. */
  void invalidate(Session failed) {
    try {
      store.invalidate(account(), failed.generation());
    } catch (IOException | RuntimeException e) {
      notice(
          "session store could not forget generation "
              + failed.generation()
              + ": "
              + e.getClass().getSimpleName());
    }
  }

  /** Records a use of {@code session} at {@code at}, at most every 30 s; never fails a call. */
  void touch(Session session, Instant at) {
    long millis = at.toEpochMilli();
    long previous = persistedTouch.get();
    if (previous != Long.MIN_VALUE && millis - previous < TOUCH_EVERY_MILLIS) {
      return;
    }
    if (!persistedTouch.compareAndSet(previous, millis)) {
      return;
    }
    try {
      store.touch(account(), session.generation(), millis);
    } catch (IOException | RuntimeException e) {
      notice("session store could not record a use: " + e.getClass().getSimpleName());
    }
  }

  private String account() {
    String key = account;
    if (key == null) {
      key = accountKey.get();
      account = key;
    }
    return key;
  }

  private void notice(String detail) {
    context.emit(AuthEvent.Type.NOTICE, context.baseUrl().host(), detail);
  }
}
