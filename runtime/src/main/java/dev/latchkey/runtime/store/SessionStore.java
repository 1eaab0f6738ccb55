package dev.latchkey.runtime.store;

import dev.latchkey.runtime.http.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What token login and header sessions keep about one account (named by an opaque, file-name-safe
 * {@code account} key, see {@link #accountKey}): the current session record with its generation and
 * last use, the single-flight login lock, and the instants of recent logins (the login budget's
 * window). Passwords are never handed to a store. Implementations are thread-safe.
 *
 * <p>Three stores ship: {@link InMemorySessionStore} (one JVM), {@link FileSessionStore} (the
 * processes of one machine) and, in the {@code latchkey-redis} module, a Redis store for a fleet.
 * Only the first seven methods are required; the defaults of the others are correct for stores
 * whose {@link #withLoginLock} is a true mutex, and a store whose lock is a lease (it may expire
 * while its holder still works) must override {@link #reserveLogin} to be atomic on its own.
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
      return "StoredSession{generation="
          + generation
          + ", loginAt="
          + Instant.ofEpochMilli(loginAtMillis)
          + ", lastUse="
          + Instant.ofEpochMilli(lastUseMillis)
          + ", token=██}";
    }
  }

  /**
   * How long a stored session can live, so a store can expire it by itself: it is unusable once
   * {@code idle} has passed since its last use or {@code hard} since its login. Null: unknown.
   */
  record Lifetimes(Duration idle, Duration hard) {
    /** Neither lifetime is known. */
    public static final Lifetimes UNKNOWN = new Lifetimes(null, null);

    /** The epoch millis at which {@code session} ends, or {@link Long#MAX_VALUE} if never known. */
    public long endMillis(StoredSession session) {
      long end = Long.MAX_VALUE;
      if (idle != null) {
        end = Math.min(end, session.lastUseMillis() + idle.toMillis());
      }
      if (hard != null) {
        end = Math.min(end, session.loginAtMillis() + hard.toMillis());
      }
      return end;
    }
  }

  /**
   * The stored session of {@code account}, if any; unreadable state is reported to {@code notice}.
   */
  Optional<StoredSession> load(String account, Consumer<String> notice) throws IOException;

  /** Replaces the stored session of {@code account}. */
  void save(String account, StoredSession session) throws IOException;

  /** Forgets the stored session of {@code account} only if it is still of {@code generation}. */
  void invalidate(String account, long generation) throws IOException;

  /** Records a successful use of {@code generation} at {@code lastUseMillis} (never moves back). */
  void touch(String account, long generation, long lastUseMillis) throws IOException;

  /**
   * Runs {@code action} holding the login lock of {@code account}: one login in flight per account
   * among everything sharing this store. Reentrant for the calling thread. A store shared over a
   * network may grant the lock as a lease, so that a crashed holder blocks others for no longer
   * than the lease; waiting for it is bounded (the store throws instead of waiting forever).
   */
  <T> T withLoginLock(String account, Callable<T> action) throws IOException;

  /** The recorded login instants of {@code account}, oldest first. */
  List<Instant> logins(String account) throws IOException;

  /**
   * Records a login of {@code account} at {@code at}, dropping entries older than {@code
   * keepAfter}.
   */
  void recordLogin(String account, Instant at, Instant keepAfter) throws IOException;

  /**
   * Like {@link #save(String, StoredSession)}, telling the store when the session ends so it can
   * expire it by itself. The default ignores the lifetimes.
   */
  default void save(String account, StoredSession session, Lifetimes lifetimes) throws IOException {
    save(account, session);
  }

  /**
   * The highest generation ever stored for {@code account} (0 if none), which may outlive the
   * session itself, so a new login never reuses the generation of an expired one.
   */
  default long lastGeneration(String account) throws IOException {
    return load(account, notice -> {}).map(StoredSession::generation).orElse(0L);
  }

  /**
   * Reserves one login of {@code account} at {@code now} in a sliding window: at most {@code limit}
   * logins started in any {@code window} (a login at {@code t} counts during {@code [t, t +
   * window)}), counted by everything sharing this store. Atomic: the check and the record are one
   * step. Returns empty when reserved, else the earliest instant one would be allowed.
   */
  default Optional<Instant> reserveLogin(String account, Instant now, Duration window, int limit)
      throws IOException {
    return withLoginLock(account, () -> {
      Instant windowStart = now.minus(window);
      List<Instant> recent = logins(account).stream()
          .filter(at -> at.isAfter(windowStart))
          .sorted()
          .toList();
      if (recent.size() >= limit) {
        return Optional.of(recent.get(0).plus(window));
      }
      recordLogin(account, now, windowStart);
      return Optional.<Instant>empty();
    });
  }

  /**
   * The key of one account's session in a store shared by many clients: the client's name, the
   * auth kind and the origin the credential belongs to (the origin rule: two base URLs never adopt
   * each other's session), and a hash of the identity (user name and whatever else makes the
   * account), so that no user name is written into a file name or a Redis key.
   */
  static String accountKey(String clientName, String authKind, Origin origin, String identity) {
    return clientName + "-" + authKind + "-" + sha256Prefix(origin + "\n" + identity);
  }

  private static String sha256Prefix(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
