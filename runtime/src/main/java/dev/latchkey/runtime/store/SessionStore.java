package dev.latchkey.runtime.store;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What token login keeps about one account (named by an opaque, file-name-safe {@code account}
 * key): the current session record and the instants of recent logins (the login budget's window).
 * Passwords are never handed to a store. Implementations are thread-safe.
 */
public interface SessionStore {

  /**
   * One stored session. {@link #toString()} never shows the token.
   *
   * @param token what the server handed out
   * @param generation 1 for the first login, +1 per login
   * @param loginAtMillis when the login was made (epoch millis, by the client's clock)
   * @param lastUseMillis when the token was last used successfully
   */
  record StoredSession(String token, long generation, long loginAtMillis, long lastUseMillis) {
    @Override
    public String toString() {
      return "StoredSession{generation=" + generation + ", loginAt=" + Instant.ofEpochMilli(loginAtMillis)
          + ", lastUse=" + Instant.ofEpochMilli(lastUseMillis) + ", token=██}";
    }
  }

  /** The stored session of {@code account}, if any; unreadable state is reported to {@code notice}. */
  Optional<StoredSession> load(String account, Consumer<String> notice) throws IOException;

  /** Replaces the stored session of {@code account}. */
  void save(String account, StoredSession session) throws IOException;

  /** Forgets the stored session of {@code account} only if it is still of {@code generation}. */
  void invalidate(String account, long generation) throws IOException;

  /** Records a successful use of {@code generation} at {@code lastUseMillis} (never moves back). */
  void touch(String account, long generation, long lastUseMillis) throws IOException;

  /**
   * Runs {@code action} holding the login lock of {@code account}: one login in flight per account
   * among everything sharing this store. Reentrant for the calling thread.
   */
  <T> T withLoginLock(String account, Callable<T> action) throws IOException;

  /** The recorded login instants of {@code account}, oldest first. */
  List<Instant> logins(String account) throws IOException;

  /** Records a login of {@code account} at {@code at}, dropping entries older than {@code keepAfter}. */
  void recordLogin(String account, Instant at, Instant keepAfter) throws IOException;
}
