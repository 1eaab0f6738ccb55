package dev.latchkey.runtime.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session: its token, its generation (1 for the first login, +1 per login), when it was
 * made, when the server says it ends, and when it was last used. All but the last use and the
 * "proven" mark are immutable, so the per-call path reads a session without a lock.
 * {@link #toString()} never shows the token.
 */
final class Session {
  final String token;
  final long generation;
  final long loginAtMillis;
  /** From the login answer's lifetime ({@code expiresIn}); {@link Long#MAX_VALUE}: not said. */
  final long endsAtMillis;
  /** True for HTTP Basic: the "token" is the credentials, made locally, never stored. */
  final boolean local;
  /** For a local session, which credentials made it (a fingerprint), so a refusal names them. */
  final int credential;
  /** The second value the login answer gave (a CSRF token), sent on later calls; null: none. */
  final String csrf;

  private final AtomicLong lastUseMillis;
  private volatile boolean proven;

  /** {@code credential}: the fingerprint of the credentials of a local session; 0 for a login's. */
  Session(
      String token,
      long generation,
      long loginAtMillis,
      long endsAtMillis,
      long lastUseMillis,
      int credential,
      boolean proven,
      String csrf) {
    this.csrf = csrf;
    this.token = token;
    this.generation = generation;
    this.loginAtMillis = loginAtMillis;
    this.endsAtMillis = endsAtMillis;
    this.local = credential != 0;
    this.credential = credential;
    this.lastUseMillis = new AtomicLong(lastUseMillis);
    this.proven = proven;
  }

  long lastUseMillis() {
    return lastUseMillis.get();
  }

  /** Records a call sent at {@code sentAtMillis} that the server accepted; the instant only grows. */
  void accepted(long sentAtMillis) {
    if (lastUseMillis.get() < sentAtMillis) {
      lastUseMillis.accumulateAndGet(sentAtMillis, Math::max);
    }
    if (!proven) {
      proven = true;
    }
  }

  /** The server has accepted this session at least once (or its creator saw it accepted). */
  boolean proven() {
    return proven;
  }

  /**
   * True while no lifetime is within its margin of ending at {@code nowMillis}. The margin is a
   * tenth of the lifetime, at most a minute: it covers the time between our check and the
   * server's, so a healthy client renews before it is refused.
   */
  boolean usableAt(long nowMillis, Duration idle, Duration hard) {
    return nowMillis < usableUntil(idle, hard);
  }

  /**
   * The instant this session stops being usable, margins included ({@link Long#MAX_VALUE}: no
   * lifetime known), given the last use so far: what {@link #usableAt} checks, and what a session
   * state reports as the end of a live session.
   */
  long usableUntil(Duration idle, Duration hard) {
    long until = Math.min(end(lastUseMillis.get(), idle), end(loginAtMillis, hard));
    if (endsAtMillis != Long.MAX_VALUE) {
      until =
          Math.min(until, endsAtMillis - Math.min(60_000L, (endsAtMillis - loginAtMillis) / 10));
    }
    return until;
  }

  private static long end(long since, Duration lifetime) {
    if (lifetime == null) {
      return Long.MAX_VALUE;
    }
    long life = lifetime.toMillis();
    return since + life - Math.min(60_000L, life / 10);
  }

  @Override
  public String toString() {
    return "Session{generation=" + generation + ", loginAt=" + Instant.ofEpochMilli(loginAtMillis)
        + ", lastUse=" + Instant.ofEpochMilli(lastUseMillis.get()) + ", token=██"
        + (csrf == null ? "" : ", csrf=██") + "}";
  }
}
