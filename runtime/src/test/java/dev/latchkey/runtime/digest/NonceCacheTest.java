package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonceCacheTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static DigestChallenge challenge(String realm, String nonce) {
    return new DigestChallenge(realm, nonce, null, null, Set.of("auth"), false, false, false);
  }

  @Test
  void boundedLeastRecentlyUsedPerOrigin() {
    NonceCache cache = new NonceCache(2);
    OriginEntry a = cache.entry(new Origin("http", "a", 80));
    cache.entry(new Origin("http", "b", 80));
    assertSame(a, cache.entry(new Origin("http", "a", 80)));
    cache.entry(new Origin("http", "c", 80)); // evicts b, the least recently used
    assertEquals(2, cache.size());
    assertSame(a, cache.entry(new Origin("http", "a", 80)));
    assertNotSame(a, cache.entry(new Origin("https", "a", 443)));
  }

  @Test
  void eachRealmOfAnOriginHasItsOwnNonceAndCount() {
    OriginEntry entry = new OriginEntry();
    NonceState one = entry.store(
        challenge("one", "n1"), DigestAlgorithm.MD5, T0, Duration.ofMinutes(5), Duration.ZERO);
    NonceState two = entry.store(
        challenge("two", "n2"), DigestAlgorithm.MD5, T0, Duration.ofMinutes(5), Duration.ZERO);
    assertEquals(1, one.nextCount());
    assertEquals(2, one.nextCount());
    assertEquals(1, two.nextCount());
    assertSame(one, entry.usable("one", T0));
    assertSame(two, entry.usable("", T0)); // the realm last seen
    assertNull(entry.usable("one", T0.plus(Duration.ofMinutes(5))));
  }

  @Test
  void renewalMarginAndSingleRenewer() {
    NonceState state = new NonceState(
        challenge("r", "n"), DigestAlgorithm.MD5, T0, Duration.ofMinutes(5), Duration.ofMillis(2));
    assertEquals(Duration.ofSeconds(10), NonceState.margin(Duration.ofMinutes(5), Duration.ZERO));
    assertEquals(
        Duration.ofMillis(1500), NonceState.margin(Duration.ofSeconds(30), Duration.ofMillis(3)));
    // a 2 s nonce on loopback lasts 1.9 s: ten of them fill 20 s with one challenge each
    assertEquals(
        Duration.ofMillis(100), NonceState.margin(Duration.ofSeconds(2), Duration.ofMillis(1)));
    // a slow link renews earlier: four round trips, but never more than half the lifetime
    assertEquals(
        Duration.ofMillis(800), NonceState.margin(Duration.ofSeconds(2), Duration.ofMillis(200)));
    assertEquals(
        Duration.ofSeconds(1), NonceState.margin(Duration.ofSeconds(2), Duration.ofMillis(900)));
    assertEquals(
        Duration.ofSeconds(10), NonceState.margin(Duration.ofMinutes(5), Duration.ofSeconds(30)));
    assertFalse(state.renewalDueAt(T0.plusSeconds(289)));
    assertTrue(state.renewalDueAt(T0.plusSeconds(290)));
    assertTrue(state.usableAt(T0.plusSeconds(299)));
    assertTrue(state.claimRenewal());
    assertFalse(state.claimRenewal());
    state.releaseRenewal();
    assertTrue(state.claimRenewal());
  }

  @Test
  void nextnonceReplacesOnlyTheNonceThatWasUsed() {
    OriginEntry entry = new OriginEntry();
    NonceState used = entry.store(
        challenge("r", "n1"), DigestAlgorithm.MD5, T0, Duration.ofMinutes(5), Duration.ZERO);
    NonceState next = entry.advance(used, "n2", T0, Duration.ofMinutes(5), Duration.ZERO);
    assertEquals("n2", next.challenge().nonce());
    assertNull(entry.advance(
        used, "n3", T0, Duration.ofMinutes(5), Duration.ZERO)); // someone already moved on
    assertSame(next, entry.usable("r", T0));
  }

  @Test
  void secretsStayOutOfToString() {
    DigestScheme scheme = DigestScheme.builder()
        .credentials(() -> new UserPassword("robot", "hunter2"))
        .build();
    SignedRequest signed = DigestResponder.sign(
        challenge("r", "n"),
        DigestAlgorithm.MD5,
        new UserPassword("robot", "hunter2"),
        "GET",
        "/",
        "auth",
        null,
        1,
        "c");
    assertFalse(scheme.toString().contains("hunter2"));
    assertFalse(signed.toString().contains(signed.response()));
    assertFalse(signed.toString().contains(signed.ha1()));
    assertEquals("digest", scheme.kind());
  }
}
