package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  void theLastUsedEntryIsNeverHandedOutOnceDropped() {
    NonceCache cache = new NonceCache(1);
    Origin a = new Origin("http", "a", 80);
    OriginEntry first = cache.entry(a);
    assertSame(first, cache.entry(a)); // the lock-free path
    OriginEntry b = cache.entry(new Origin("http", "b", 80)); // drops a
    assertNull(cache.peek(a));
    OriginEntry second = cache.entry(a); // drops b
    assertNotSame(first, second);
    assertSame(second, cache.peek(a));
    assertNotSame(b, cache.entry(new Origin("http", "b", 80)));
    assertEquals(1, cache.size());
  }

  @Test
  void hitsOnTheLastUsedEntryKeepItFromBeingDroppedFirst() {
    NonceCache cache = new NonceCache(2);
    Origin a = new Origin("http", "a", 80);
    OriginEntry hot = cache.entry(a);
    cache.entry(new Origin("http", "b", 80));
    for (int i = 0; i < 3; i++) {
      assertSame(hot, cache.entry(a)); // lock-free hits
    }
    cache.entry(new Origin("http", "c", 80)); // b, not a, is the least recently used
    assertSame(hot, cache.peek(a));
    assertNull(cache.peek(new Origin("http", "b", 80)));
  }

  @Test
  void concurrentCallersOfOneOriginShareOneEntry() throws Exception {
    NonceCache cache = new NonceCache(NonceCache.DEFAULT_CAPACITY);
    Origin[] origins = {
      new Origin("http", "a", 80), new Origin("http", "b", 80), new Origin("https", "a", 443)
    };
    Map<Origin, Set<OriginEntry>> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            Origin origin = origins[(i + offset) % origins.length];
            seen.computeIfAbsent(origin, o -> ConcurrentHashMap.newKeySet())
                .add(cache.entry(origin));
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (Origin origin : origins) {
      assertEquals(1, seen.get(origin).size(), origin.toString());
      assertSame(seen.get(origin).iterator().next(), cache.peek(origin));
    }
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
  void ha1IsReusedOnlyForTheSameUnclearedCredentials() throws Exception {
    NonceState nonce = new NonceState(
        challenge("r", "n"), DigestAlgorithm.MD5, T0, Duration.ofMinutes(5), Duration.ZERO);
    UserPassword robot = new UserPassword("robot", "hunter2");
    SignedRequest first = sign(nonce, robot, 1);
    assertEquals(expected(robot.password(), 1), first.response());
    assertSame(first.ha1(), sign(nonce, robot, 2).ha1()); // reused, not hashed again
    assertEquals(expected("hunter2".toCharArray(), 3), sign(nonce, robot, 3).response());

    UserPassword rotated = new UserPassword("robot", "correct horse");
    assertEquals(
        expected("correct horse".toCharArray(), 4), sign(nonce, rotated, 4).response());

    rotated.clear();
    assertTrue(rotated.isCleared());
    // what a cleared password gives, never the HA1 it had before
    assertEquals(expected(new char[13], 5), sign(nonce, rotated, 5).response());
  }

  @Test
  void sessAlgorithmsNeverReuseHa1() {
    DigestChallenge sess =
        new DigestChallenge("r", "n", null, "MD5-sess", Set.of("auth"), false, false, false);
    NonceState nonce =
        new NonceState(sess, DigestAlgorithm.MD5_SESS, T0, Duration.ofMinutes(5), Duration.ZERO);
    UserPassword robot = new UserPassword("robot", "hunter2");
    SignedRequest one = DigestResponder.sign(
        sess, DigestAlgorithm.MD5_SESS, robot, "GET", "/", "auth", null, 1, "c1", nonce);
    SignedRequest two = DigestResponder.sign(
        sess, DigestAlgorithm.MD5_SESS, robot, "GET", "/", "auth", null, 2, "c2", nonce);
    assertNotEquals(one.ha1(), two.ha1()); // each takes in its own cnonce
    assertNull(nonce.knownHa1(robot));
  }

  private static SignedRequest sign(NonceState nonce, UserPassword credentials, long count) {
    return DigestResponder.sign(
        nonce.challenge(),
        DigestAlgorithm.MD5,
        credentials,
        "GET",
        "/x",
        "auth",
        null,
        count,
        "c",
        nonce);
  }

  /** The reference arithmetic, with no workspace and no cache. */
  private static String expected(char[] password, long count) {
    String ha1 = DigestCalculator.ha1(
        DigestAlgorithm.MD5,
        "robot",
        "r",
        password,
        java.nio.charset.StandardCharsets.ISO_8859_1,
        "n",
        "c");
    String ha2 = DigestCalculator.ha2(DigestAlgorithm.MD5, "GET", "/x", null);
    return DigestCalculator.response(
        DigestAlgorithm.MD5, ha1, "n", DigestCalculator.nc(count), "c", "auth", ha2);
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
