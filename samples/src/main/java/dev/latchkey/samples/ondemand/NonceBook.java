package dev.latchkey.samples.ondemand;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The nonces a simulator has issued, when, and which nonce counts each has seen. A nonce is good
 * for {@code lifetime} after it was issued (the seed: "a valid nonce ... can be used during 5
 * minutes"). Nonce counts may arrive out of order from concurrent callers, so only a repeated
 * count is a replay (as Jetty does). Thread-safe.
 */
final class NonceBook {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Duration lifetime;
  private final Map<String, Entry> nonces = new ConcurrentHashMap<>();

  NonceBook(Clock clock, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("nonce lifetime must be positive, not " + lifetime);
    }
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** One issued nonce. */
  static final class Entry {
    private final Instant issued;
    private final Set<Long> counts = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean used = new AtomicBoolean();

    private Entry(Instant issued) {
      this.issued = issued;
    }

    /** Records {@code nc}; false if it was seen before (a replay). */
    boolean firstUseOf(long nc) {
      return counts.add(nc);
    }

    /** True exactly once: for the first request this nonce authenticated. */
    boolean firstSuccess() {
      return used.compareAndSet(false, true);
    }
  }

  /** Issues a fresh nonce, forgetting nonces long past their lifetime. */
  String issue() {
    Instant now = clock.instant();
    Instant forgetBefore = now.minus(lifetime.multipliedBy(2));
    nonces.values().removeIf(entry -> entry.issued.isBefore(forgetBefore));
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    nonces.put(nonce, new Entry(now));
    return nonce;
  }

  /** The entry for {@code nonce}, or null if it was never issued (or long forgotten). */
  Entry find(String nonce) {
    return nonces.get(nonce);
  }

  /** True if {@code entry} has outlived the nonce lifetime. */
  boolean expired(Entry entry) {
    return !clock.instant().isBefore(entry.issued.plus(lifetime));
  }
}
