package dev.latchkey.runtime.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One server nonce in use: the challenge it came with, when we got it, and its nonce count. Safe
 * to share: the count is an {@link AtomicLong}, so concurrent callers never send the same {@code
 * nc} twice for one nonce (servers such as Jetty refuse replays).
 */
final class NonceState {
  /** {@code nc} has 8 hex digits; past this the nonce cannot be used again. */
  static final long MAX_COUNT = 0xffff_ffffL;

  private final DigestChallenge challenge;
  private final DigestAlgorithm algorithm;
  private final Instant renewAt;
  private final Instant expiresAt;
  private final AtomicLong count = new AtomicLong();
  private final AtomicBoolean renewing = new AtomicBoolean();

  NonceState(
      DigestChallenge challenge, DigestAlgorithm algorithm, Instant obtainedAt, Duration lifetime) {
    this.challenge = challenge;
    this.algorithm = algorithm;
    this.expiresAt = obtainedAt.plus(lifetime);
    this.renewAt = expiresAt.minus(margin(lifetime));
  }

  /**
   * How long before the end we start renewing: 10% of the lifetime, at most 10 s. Covers the time
   * between the server minting the nonce and our receiving it, and clock drift.
   */
  static Duration margin(Duration lifetime) {
    Duration tenth = lifetime.dividedBy(10);
    return tenth.compareTo(Duration.ofSeconds(10)) < 0 ? tenth : Duration.ofSeconds(10);
  }

  DigestChallenge challenge() {
    return challenge;
  }

  DigestAlgorithm algorithm() {
    return algorithm;
  }

  /** The next {@code nc}, starting at 1. */
  long nextCount() {
    return count.incrementAndGet();
  }

  boolean usableAt(Instant now) {
    return now.isBefore(expiresAt) && count.get() < MAX_COUNT;
  }

  boolean renewalDueAt(Instant now) {
    return !now.isBefore(renewAt);
  }

  /** Only one caller renews a nonce; the others keep using it while it is still valid. */
  boolean claimRenewal() {
    return renewing.compareAndSet(false, true);
  }

  void releaseRenewal() {
    renewing.set(false);
  }
}
