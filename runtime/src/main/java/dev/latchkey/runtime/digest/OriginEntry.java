package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The nonces of one origin, one per realm (so each protection space has its own nonce and count),
 * and the challenge fetch in flight for it, if any. Thread-safe.
 */
final class OriginEntry {
  /** An origin rarely has more than one or two realms; this only bounds a hostile server. */
  static final int MAX_REALMS = 16;

  private final Map<String, NonceState> byRealm = new ConcurrentHashMap<>();
  private final AtomicReference<CompletableFuture<Void>> flight = new AtomicReference<>();
  private volatile String lastRealm;

  /**
   * The nonce to send pre-emptively: the configured realm's, else the realm this origin last
   * challenged with (we learn an origin's realm only from a challenge). Null if none is usable.
   */
  NonceState usable(String configuredRealm, Instant now) {
    String realm = configuredRealm.isEmpty() ? lastRealm : configuredRealm;
    NonceState state = realm == null ? null : byRealm.get(realm);
    return state != null && state.usableAt(now) ? state : null;
  }

  /**
   * The state of this origin's nonce for health checks: renewing while a challenge fetch or a
   * proactive renewal is in flight, live while the nonce is usable (until it runs out), else none.
   */
  SessionState state(String configuredRealm, Instant now) {
    String realm = configuredRealm.isEmpty() ? lastRealm : configuredRealm;
    NonceState state = realm == null ? null : byRealm.get(realm);
    if (flight.get() != null || (state != null && state.renewing())) {
      return new SessionState(
          SessionState.Status.RENEWING, null, realm == null ? "" : "realm=" + realm);
    }
    if (state == null) {
      return new SessionState(SessionState.Status.NONE, null, "no nonce yet");
    }
    if (!state.usableAt(now)) {
      return new SessionState(
          SessionState.Status.NONE, state.expiresAt(), "nonce ran out; realm=" + realm);
    }
    return new SessionState(SessionState.Status.LIVE, state.expiresAt(), "realm=" + realm);
  }

  /** Stores a fresh challenge's nonce as its realm's current one (see {@link NonceState}). */
  NonceState store(
      DigestChallenge challenge,
      DigestAlgorithm algorithm,
      Instant now,
      Duration lifetime,
      Duration roundTrip) {
    NonceState state = new NonceState(challenge, algorithm, now, lifetime, roundTrip);
    if (byRealm.size() >= MAX_REALMS && !byRealm.containsKey(challenge.realm())) {
      byRealm.clear();
    }
    byRealm.put(challenge.realm(), state);
    lastRealm = challenge.realm();
    return state;
  }

  /**
   * Replaces {@code used} by the server's {@code nextnonce}, unless another caller already
   * replaced it. Returns the new state, or null if nothing changed.
   */
  NonceState advance(
      NonceState used, String nextNonce, Instant now, Duration lifetime, Duration roundTrip) {
    if (nextNonce.equals(used.challenge().nonce())) {
      return null;
    }
    NonceState next = new NonceState(
        used.challenge().withNonce(nextNonce), used.algorithm(), now, lifetime, roundTrip);
    return byRealm.replace(used.challenge().realm(), used, next) ? next : null;
  }

  /** How many realms this origin holds a nonce for (at most {@link #MAX_REALMS}). */
  int realms() {
    return byRealm.size();
  }

  /**
   * Starts a challenge fetch: returns null if {@code mine} is now the one in flight (the caller
   * leads and must {@link #land} it), else the fetch already in flight to wait for.
   */
  CompletableFuture<Void> startFlight(CompletableFuture<Void> mine) {
    return flight.compareAndExchange(null, mine);
  }

  /** Ends a fetch; waiters wake and look for the nonce it stored. Idempotent. */
  void land(CompletableFuture<Void> mine) {
    flight.compareAndSet(mine, null);
    mine.complete(null);
  }
}
