package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.UserPassword;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Response;

/**
 * One server nonce in use: the challenge it came with, when we got it, and its nonce count. Safe
 * to share: the count is an {@link AtomicLong}, so concurrent callers never send the same {@code
 * nc} twice for one nonce (servers such as Jetty refuse replays).
 */
final class NonceState {
  /** {@code nc} has 8 hex digits; past this the nonce cannot be used again. */
  static final long MAX_COUNT = 0xffff_ffffL;

  private final DigestChallenge challenge;
  /** The nonce's UTF-8, hashed into every response: encoded once, not per request. */
  private final byte[] nonceUtf8;

  private final DigestAlgorithm algorithm;
  private final Instant renewAt;
  private final Instant expiresAt;
  private final AtomicLong count = new AtomicLong();
  private final AtomicBoolean renewing = new AtomicBoolean();
  private volatile KnownHa1 knownHa1;
  /**
   * The detail of this nonce's NONCE_REUSED events, made once: quoting the realm (cleaning it and
   * masking every secret of the client in it) on every request was most of what a listener cost
   * a warm call (issue 17). The password is registered before a challenge is stored, so nothing
   * the realm could echo becomes a secret later.
   */
  private volatile String reuseDetail;

  /**
   * HA1 = H(user:realm:password) of the credentials that last signed with this nonce. It is the
   * same for every request while the supplier hands out the same {@link UserPassword}: kept, it
   * saves a hash, the password copy and the String of HA1 on every request (issue 17). HA1 is a
   * password equivalent for this realm only, and every signed request already kept it (to check
   * {@code rspauth}); here it lives no longer than the nonce. Not for {@code -sess} algorithms,
   * whose HA1 takes in each cnonce.
   */
  record KnownHa1(UserPassword source, Charset charset, String hex) {
    @Override
    public String toString() {
      return "KnownHa1{user=" + source.user() + ", ██}";
    }
  }

  /**
   * @param obtainedAt when the answer that carried the nonce arrived
   * @param roundTrip how long that exchange took on the wire (zero if unknown)
   */
  NonceState(
      DigestChallenge challenge,
      DigestAlgorithm algorithm,
      Instant obtainedAt,
      Duration lifetime,
      Duration roundTrip) {
    this.challenge = challenge;
    this.nonceUtf8 = challenge.nonce().getBytes(StandardCharsets.UTF_8);
    this.algorithm = algorithm;
    this.expiresAt = obtainedAt.plus(lifetime);
    this.renewAt = expiresAt.minus(margin(lifetime, roundTrip));
  }

  /**
   * How long before the end we start renewing. The server's clock for a nonce starts while it
   * answers the exchange that brought it, and a request we sign reaches it one trip later, so our
   * idea of the end is late by up to one round trip of that exchange: four of them cover that and
   * the jitter. A twentieth of the lifetime covers servers that date nonces coarsely. A fixed
   * tenth, as before, made a 2 s nonce last 1.8 s on loopback, where 1.9 s is just as safe (issue
   * 8: at most one challenge per lifetime). Never more than half the lifetime or 10 s.
   */
  static Duration margin(Duration lifetime, Duration roundTrip) {
    Duration wanted = max(lifetime.dividedBy(20), roundTrip.multipliedBy(4));
    Duration cap = min(lifetime.dividedBy(2), MAX_MARGIN);
    return min(wanted, cap);
  }

  private static final Duration MAX_MARGIN = Duration.ofSeconds(10);

  /** How long {@code answer}'s exchange took on the wire; zero where OkHttp did not time it. */
  static Duration roundTrip(Response answer) {
    long millis = answer.receivedResponseAtMillis() - answer.sentRequestAtMillis();
    return millis > 0 ? Duration.ofMillis(millis) : Duration.ZERO;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  DigestChallenge challenge() {
    return challenge;
  }

  byte[] nonceUtf8() {
    return nonceUtf8;
  }

  DigestAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * HA1 made from {@code credentials}, if it is still the instance that last signed here and it
   * was not {@link UserPassword#clear() cleared} since: a rotated password is another instance,
   * so it is hashed anew; a cleared one must not keep signing.
   */
  KnownHa1 knownHa1(UserPassword credentials) {
    KnownHa1 known = knownHa1;
    return known != null && known.source() == credentials && !credentials.isCleared()
        ? known
        : null;
  }

  void rememberHa1(KnownHa1 known) {
    knownHa1 = known;
  }

  /** The NONCE_REUSED detail, or null before the first event made it. */
  String reuseDetail() {
    return reuseDetail;
  }

  /** Keeps {@code detail} as the NONCE_REUSED detail of this nonce; returns it. */
  String reuseDetail(String detail) {
    reuseDetail = detail;
    return detail;
  }

  /** The next {@code nc}, starting at 1. */
  long nextCount() {
    return count.incrementAndGet();
  }

  Instant expiresAt() {
    return expiresAt;
  }

  /** Whether one caller is fetching its replacement now. */
  boolean renewing() {
    return renewing.get();
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
