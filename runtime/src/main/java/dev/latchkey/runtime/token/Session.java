package dev.latchkey.runtime.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One logged-in session: its token, its generation (1 for the first login, +1 per login), when it
 * was made, and when it was last used successfully. Everything but {@code lastUseMillis} is
 * immutable, so the fast path reads a session without a lock; {@code lastUseMillis} only grows.
 * {@link #toString()} never shows the token.
 */
record Session(String token, long generation, long loginAtMillis, AtomicLong lastUseMillis,
    String csrf, long endsAtMillis) {

  /** A session with no second value and no lifetime of its own (a stored one, or the classic shape). */
  Session(String token, long generation, long loginAtMillis, AtomicLong lastUseMillis) {
    this(token, generation, loginAtMillis, lastUseMillis, null, Long.MAX_VALUE);
  }

  static Session loggedIn(String token, long generation, long nowMillis) {
    return new Session(token, generation, nowMillis, new AtomicLong(nowMillis));
  }

  /**
   * A session as the login answer describes it: {@code csrf} is its second value (or null), and
   * {@code endsAtMillis} the end the answer announced ({@code expiresInPointer}; Long.MAX_VALUE
   * when it announced none).
   */
  static Session loggedIn(String token, long generation, long nowMillis, String csrf, long endsAtMillis) {
    return new Session(token, generation, nowMillis, new AtomicLong(nowMillis), csrf, endsAtMillis);
  }

  /** Records a successful call sent at {@code sentAtMillis} (the server saw it no earlier). */
  void touch(long sentAtMillis) {
    lastUseMillis.accumulateAndGet(sentAtMillis, Math::max);
  }

  /**
   * True while neither lifetime is within its margin of ending at {@code nowMillis}. The margin is
   * a tenth of the lifetime, at most a minute: it covers the time between our check and the server's.
   */
  boolean usableAt(long nowMillis, Duration idle, Duration hard) {
    return beforeEnd(nowMillis, lastUseMillis.get(), idle) && beforeEnd(nowMillis, loginAtMillis, hard)
        && (endsAtMillis == Long.MAX_VALUE
            || beforeEnd(nowMillis, loginAtMillis, Duration.ofMillis(endsAtMillis - loginAtMillis)));
  }

  private static boolean beforeEnd(long now, long since, Duration lifetime) {
    if (lifetime == null) {
      return true;
    }
    long life = lifetime.toMillis();
    long margin = Math.min(60_000L, life / 10);
    return now < since + life - margin;
  }

  @Override
  public String toString() {
    return "Session{generation=" + generation + ", loginAt=" + Instant.ofEpochMilli(loginAtMillis)
        + ", lastUse=" + Instant.ofEpochMilli(lastUseMillis.get()) + ", token=██"
        + (csrf == null ? "" : ", csrf=██") + "}";
  }
}
