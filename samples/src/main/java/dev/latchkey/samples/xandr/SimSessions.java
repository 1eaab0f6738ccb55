package dev.latchkey.samples.xandr;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's tokens and its login limit. A token lives {@code tokenIdle} after its most recent
 * call (sliding) and never beyond {@code tokenMax} after login (seed 001, "Time frame"). At most
 * {@code loginLimit} successful logins in any {@code loginWindow} (seed 001's last sentence).
 */
final class SimSessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final XandrSimulatorConfig config;
  private final Clock clock;
  private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
  private final Deque<Long> logins = new ArrayDeque<>();

  /** One token's times; {@code lastUse} changes under the entry's own lock. */
  private static final class Entry {
    final long createdAt;
    long lastUse;

    Entry(long now) {
      this.createdAt = now;
      this.lastUse = now;
    }
  }

  SimSessions(XandrSimulatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Counts a successful login against the limit: returns -1 and the caller issues a token, or the
   * millisecond instant the next login will be allowed.
   */
  synchronized long admitLogin() {
    long now = clock.millis();
    long window = config.loginWindow().toMillis();
    while (!logins.isEmpty() && logins.peekFirst() + window <= now) {
      logins.removeFirst();
    }
    if (logins.size() >= config.loginLimit()) {
      return logins.peekFirst() + window;
    }
    logins.addLast(now);
    return -1;
  }

  long now() {
    return clock.millis();
  }

  /** A new token; {@code prefix} is "" for password logins and "authn:" for JWT logins. */
  String issue(String prefix) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = prefix + HexFormat.of().formatHex(bytes);
    tokens.put(token, new Entry(clock.millis()));
    return token;
  }

  /** True if {@code token} is alive now; a live token's idle time starts again. */
  boolean use(String token) {
    if (token == null) {
      return false;
    }
    Entry entry = tokens.get(token);
    if (entry == null) {
      return false;
    }
    long now = clock.millis();
    synchronized (entry) {
      boolean alive = now < entry.lastUse + config.tokenIdle().toMillis()
          && now < entry.createdAt + config.tokenMax().toMillis();
      if (!alive) {
        tokens.remove(token, entry);
        return false;
      }
      entry.lastUse = now;
      return true;
    }
  }
}
