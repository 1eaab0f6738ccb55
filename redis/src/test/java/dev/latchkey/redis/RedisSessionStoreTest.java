package dev.latchkey.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.runtime.store.SessionStore.Lifetimes;
import dev.latchkey.runtime.store.SessionStore.StoredSession;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis store against a real redis-server: keys, TTLs, generations, the window and the lease.
 */
class RedisSessionStoreTest {
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static RedisServer redis;
  private static RedisClient inspector;
  private static StatefulRedisConnection<String, String> inspection;
  private final List<RedisSessionStore> stores = new ArrayList<>();
  private final List<AuthEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startRedis() throws IOException {
    redis = RedisServer.start();
    inspector = RedisClient.create(redis.uri());
    inspection = inspector.connect();
  }

  @AfterAll
  static void stopRedis() {
    if (inspection != null) {
      inspection.close();
      inspector.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void clean() {
    redis().flushall();
  }

  @AfterEach
  void closeStores() {
    stores.forEach(RedisSessionStore::close);
  }

  private static RedisCommands<String, String> redis() {
    return inspection.sync();
  }

  private RedisSessionStore store(RedisSessionStore.Builder builder) {
    RedisSessionStore store = builder.eventListener(events::add).build();
    synchronized (stores) {
      stores.add(store);
    }
    return store;
  }

  private RedisSessionStore store() {
    return store(RedisSessionStore.builder(redis.uri()));
  }

  @Test
  void aSessionIsStoredUnderItsAccountWithATtlFromTheLifetimes() throws IOException {
    String account = SessionStore.accountKey(
        "XandrApi",
        "token",
        dev.latchkey.runtime.http.Origin.of(okhttp3.HttpUrl.get("https://api.example.test/")),
        "alice");
    long now = System.currentTimeMillis();
    store()
        .save(
            account,
            new StoredSession("tok-secret", 3, now - 3_600_000, now),
            new Lifetimes(Duration.ofHours(2), Duration.ofHours(24)));
    assertEquals(
        List.of("latchkey:{" + account + "}:generation", "latchkey:{" + account + "}:session"),
        redis().keys("latchkey:*").stream().sorted().toList());
    assertFalse(String.join(" ", redis().keys("*")).contains("alice"), "keys never show the user");
    long ttl = redis().pttl("latchkey:{" + account + "}:session");
    assertTrue(ttl > 7_100_000 && ttl <= 7_200_000, "the idle lifetime is the nearer end: " + ttl);
    StoredSession loaded = store().load(account, n -> {}).orElseThrow();
    assertEquals(new StoredSession("tok-secret", 3, now - 3_600_000, now), loaded);
    assertEquals(3, store().lastGeneration(account));

    store()
        .save(
            account,
            new StoredSession("tok4", 4, now - 23 * 3_600_000L, now),
            new Lifetimes(Duration.ofHours(2), Duration.ofHours(24)));
    ttl = redis().pttl("latchkey:{" + account + "}:session");
    assertTrue(ttl > 3_500_000 && ttl <= 3_600_000, "one hour before the hard lifetime: " + ttl);
    assertFalse(store().toString().contains("tok"));
  }

  @Test
  void invalidateRemovesOnlyThatGenerationAndTouchNeverMovesBack() throws IOException {
    RedisSessionStore store = store();
    long now = System.currentTimeMillis();
    store.save(
        "a", new StoredSession("t2", 2, now, now), new Lifetimes(Duration.ofMinutes(60), null));
    store.invalidate("a", 1);
    assertEquals(2, store().load("a", n -> {}).orElseThrow().generation());
    store.touch("a", 2, now + 500);
    store.touch("a", 2, now + 300);
    store.touch("a", 1, now + 900);
    assertEquals(now + 500, store().load("a", n -> {}).orElseThrow().lastUseMillis());
    store.invalidate("a", 2);
    assertEquals(Optional.empty(), store().load("a", n -> {}));
    assertEquals(2, store().lastGeneration("a"), "the generation outlives the session");
  }

  @Test
  void aTouchSlidesTheExpiryButNeverPastTheHardLifetime() throws IOException {
    long now = System.currentTimeMillis();
    RedisSessionStore store = store();
    Lifetimes lifetimes = new Lifetimes(Duration.ofSeconds(100), Duration.ofSeconds(1000));
    store.save("a", new StoredSession("t", 1, now - 950_000, now - 90_000), lifetimes);
    long before = redis().pttl("latchkey:{a}:session");
    assertTrue(
        before > 90_000 && before <= 100_000, "the idle lifetime, from the last use: " + before);
    store.touch("a", 1, now);
    long after = redis().pttl("latchkey:{a}:session");
    assertTrue(
        after > 40_000 && after <= 50_000, "capped by the hard lifetime, 50 s left: " + after);
  }

  @Test
  void aSlowWorkersOlderGenerationNeverReplacesANewerOne() throws IOException {
    long now = System.currentTimeMillis();
    Lifetimes lifetimes = new Lifetimes(Duration.ofHours(2), null);
    store().save("a", new StoredSession("t5", 5, now, now), lifetimes);
    store().save("a", new StoredSession("t4", 4, now, now), lifetimes);
    assertEquals("t5", store().load("a", n -> {}).orElseThrow().token());
  }

  @Test
  void theFleetWindowIsExactUnderConcurrency() throws Exception {
    int instances = 8;
    int threads = 16;
    List<RedisSessionStore> fleet = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      fleet.add(store());
    }
    ExecutorService pool = Executors.newFixedThreadPool(instances * threads);
    AtomicInteger granted = new AtomicInteger();
    try {
      for (Instant now : List.of(T0, T0.plusSeconds(10), T0.plus(WINDOW))) {
        CyclicBarrier together = new CyclicBarrier(instances * threads);
        List<Future<?>> done = new ArrayList<>();
        granted.set(0);
        for (RedisSessionStore store : fleet) {
          for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
              together.await(30, TimeUnit.SECONDS);
              if (store.reserveLogin("acct", now, WINDOW, 10).isEmpty()) {
                granted.incrementAndGet();
              }
              return null;
            }));
          }
        }
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
        int expected = now.equals(T0.plusSeconds(10)) ? 0 : 10;
        assertEquals(expected, granted.get(), "logins granted at " + now);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        Optional.of(T0.plus(WINDOW).plus(WINDOW)),
        store().reserveLogin("acct", T0.plus(WINDOW), WINDOW, 10));
    assertEquals(10, store().logins("acct").size());
    long ttl = redis().pttl("latchkey:{acct}:logins");
    assertTrue(
        ttl > 0 && ttl <= WINDOW.toMillis(), "the window key expires after the window: " + ttl);
  }

  @Test
  void theLoginLockIsExclusiveAcrossInstances() throws Exception {
    int instances = 4;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(instances * 3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        RedisSessionStore store = store();
        for (int t = 0; t < 3; t++) {
          done.add(pool.submit(() -> store.withLoginLock("acct", () -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(20); // widens the window a second holder would need; nothing
            // asserts on time
            // reentrant, as the SPI says: a nested store call under the lock does
            // not deadlock
            store.withLoginLock("acct", () -> null);
            inside.decrementAndGet();
            return null;
          })));
        }
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, maxInside.get());
    assertEquals(0, redis().exists("latchkey:{acct}:lock"), "released");
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsHolderCannotReleaseTheNewLock() throws Exception {
    RedisSessionStore slow =
        store(RedisSessionStore.builder(redis.uri()).lockLease(Duration.ofMillis(1000)));
    RedisSessionStore next =
        store(RedisSessionStore.builder(redis.uri()).lockLease(Duration.ofSeconds(30)));
    CountDownLatch slowHasIt = new CountDownLatch(1);
    CountDownLatch nextHasIt = new CountDownLatch(1);
    CountDownLatch slowReleased = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> slowWorker = pool.submit(() -> slow.withLoginLock("acct", () -> {
        slowHasIt.countDown();
        assertTrue(
            nextHasIt.await(30, TimeUnit.SECONDS), "the other worker took over after the lease");
        return null;
      }));
      assertTrue(slowHasIt.await(30, TimeUnit.SECONDS));
      // The lease runs out while its holder still works: its renewals could not reach Redis (a
      // long GC pause, a partition). Renewal (issue 14) makes that the only way it can happen.
      redis().del("latchkey:{acct}:lock");
      Future<?> nextWorker = pool.submit(() -> next.withLoginLock("acct", () -> {
        nextHasIt.countDown();
        assertTrue(slowReleased.await(30, TimeUnit.SECONDS));
        // the slow holder's release ran while we hold the lock: it must not have
        // deleted ours
        assertNotNull(redis().get("latchkey:{acct}:lock"));
        return null;
      }));
      slowWorker.get(60, TimeUnit.SECONDS);
      slowReleased.countDown();
      nextWorker.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertTrue(events.stream()
        .anyMatch(e -> e.type() == AuthEvent.Type.NOTICE && e.detail().contains("ran out")));
  }

  /**
   * Issue 14: a login may take its whole timeout (60 s by default), longer than the lease (30 s
   * by default). Its lease is renewed while it runs, so no other worker takes the lock and logs
   * in too; here with a 1 s lease and a login of three leases (a shorter lease made the test
   * depend on the renewal timer being scheduled within 200 ms on a loaded machine).
   */
  @Test
  void aLoginLongerThanTheLeaseKeepsTheLock() throws Exception {
    RedisSessionStore holder =
        store(RedisSessionStore.builder(redis.uri()).lockLease(Duration.ofMillis(1000)));
    RedisSessionStore other = store(RedisSessionStore.builder(redis.uri())
        .lockWait(Duration.ofMillis(200))
        .onUnavailable(RedisUnavailablePolicy.FAIL));
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> login = pool.submit(() -> holder.withLoginLock("acct", () -> {
        held.countDown();
        assertTrue(done.await(30, TimeUnit.SECONDS));
        return "logged in";
      }));
      assertTrue(held.await(30, TimeUnit.SECONDS));
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000);
      int refused = 0;
      while (System.nanoTime() < until) {
        RedisUnavailableException e = assertThrows(
            RedisUnavailableException.class,
            () -> other.withLoginLock("acct", () -> "a second login"),
            "the lease ran out during the login and another worker took the lock");
        assertTrue(e.getMessage().contains("still held"), e.getMessage());
        refused++;
      }
      assertTrue(refused >= 3, "tried " + refused + " times");
      done.countDown();
      assertEquals("logged in", login.get(30, TimeUnit.SECONDS));
    } finally {
      done.countDown();
      pool.shutdownNow();
    }
    assertEquals(0, redis().exists("latchkey:{acct}:lock"), "released, renewals stopped");
    Thread.sleep(400); // a renewal after the release would bring nothing back
    assertEquals(0, redis().exists("latchkey:{acct}:lock"));
    assertFalse(events.stream().anyMatch(e -> e.detail().contains("ran out")), events.toString());
  }

  @Test
  void theDefaultWaitCoversADefaultLogin() {
    assertEquals(Duration.ofSeconds(70), RedisSessionStore.defaultLockWait(Duration.ofSeconds(30)));
    assertEquals(
        Duration.ofSeconds(100), RedisSessionStore.defaultLockWait(Duration.ofSeconds(90)));
  }

  @Test
  void aSlowRedisKeepsALoginWaitingForTheLockInsteadOfGoingLocal() throws Exception {
    RedisSessionStore store = store(RedisSessionStore.builder(redis.uri())
        .commandTimeout(Duration.ofMillis(200))
        .probeInterval(Duration.ofMillis(50)));
    store.lastGeneration("acct"); // connected
    assertEquals("+OK", redis.command("CLIENT", "PAUSE", "1500")); // every other client waits
    assertEquals("ran", store.withLoginLock("acct", () -> "ran"));
    // a SET that timed out still lands once Redis resumes: had the login gone local, that lock
    // would be left for its whole lease; held and released by this worker, it is gone
    assertEquals(
        0, redis().exists("latchkey:{acct}:lock"), "the fleet-wide lock was taken and released");
    assertTrue(
        events.stream().anyMatch(e -> e.type() == AuthEvent.Type.STORE_UNAVAILABLE),
        "the paused Redis timed out at least one command: " + events);
    assertFalse(
        events.stream().anyMatch(e -> e.detail().contains("going on without it")),
        events.toString());
  }

  @Test
  void aLockHeldPastTheWaitIsGoneWithoutUnderFallbackAndRefusedUnderFail() throws Exception {
    RedisSessionStore holder = store();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> holding = pool.submit(() -> holder.withLoginLock("acct", () -> {
        held.countDown();
        return letGo.await(30, TimeUnit.SECONDS);
      }));
      assertTrue(held.await(30, TimeUnit.SECONDS));
      RedisSessionStore patient =
          store(RedisSessionStore.builder(redis.uri()).lockWait(Duration.ofMillis(200)));
      assertEquals(
          "ran", patient.withLoginLock("acct", () -> "ran"), "the atomic throttle bounds it");
      assertTrue(events.stream()
          .anyMatch(e -> e.type() == AuthEvent.Type.NOTICE && e.detail().contains("still held")));
      RedisSessionStore strict = store(RedisSessionStore.builder(redis.uri())
          .lockWait(Duration.ofMillis(200))
          .onUnavailable(RedisUnavailablePolicy.FAIL));
      RedisUnavailableException e = assertThrows(
          RedisUnavailableException.class, () -> strict.withLoginLock("acct", () -> "ran"));
      assertTrue(e.getMessage().contains("still held"), e.getMessage());
      letGo.countDown();
      holding.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whileRedisIsDownTheStoreWorksLocallyWithAConservativeThrottleThenSharesAgain()
      throws Exception {
    RedisSessionStore store = store(RedisSessionStore.builder(redis.uri())
        .probeInterval(Duration.ofMillis(100))
        .fallbackLoginLimit(2));
    long now = System.currentTimeMillis();
    store.save("a", new StoredSession("t1", 1, now, now), new Lifetimes(Duration.ofHours(2), null));
    assertTrue(store.reserveLogin("a", T0, WINDOW, 10).isEmpty());
    redis.stop();
    try {
      assertEquals("t1", store.load("a", n -> {}).orElseThrow().token(), "the local copy");
      store.withLoginLock("a", () -> null);
      assertTrue(
          store.reserveLogin("a", T0.plusSeconds(1), WINDOW, 10).isEmpty(),
          "second of two local logins");
      assertEquals(
          Optional.of(T0.plus(WINDOW)),
          store.reserveLogin("a", T0.plusSeconds(2), WINDOW, 10),
          "the conservative local limit counts the login made before Redis was lost");
      store.touch("a", 1, now + 1000);
      store.invalidate("a", 1);
      assertEquals(Optional.empty(), store.load("a", n -> {}));
      assertTrue(store.isUnavailable());
    } finally {
      redis.startAgain();
    }
    assertEquals(
        1,
        events.stream()
            .filter(e -> e.type() == AuthEvent.Type.STORE_UNAVAILABLE)
            .count(),
        "one event on losing Redis, however many operations failed");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (store.isUnavailable() || store.load("a", n -> {}).isPresent() != false) {
      // Lettuce reconnects with a backoff capped at 1 s; this loop only waits for it
      assertTrue(System.nanoTime() < deadline, "sharing resumed");
      Thread.sleep(50);
      try {
        store.lastGeneration("a");
      } catch (IOException ignored) {
        // still down
      }
    }
    store.save("a", new StoredSession("t2", 2, now, now), new Lifetimes(Duration.ofHours(2), null));
    assertEquals(
        "t2",
        store().load("a", n -> {}).orElseThrow().token(),
        "another instance sees it: shared again");
    assertEquals(
        1,
        events.stream().filter(e -> e.type() == AuthEvent.Type.STORE_RESTORED).count());
  }

  @Test
  void theFailPolicyThrowsATypedExceptionAtOnceWithoutAPassword() throws Exception {
    RedisServer doomed = RedisServer.start();
    String uri = "redis://:hunter2-secret@127.0.0.1:" + doomed.port();
    doomed.stop();
    RedisSessionStore store = store(RedisSessionStore.builder(uri)
        .onUnavailable(RedisUnavailablePolicy.FAIL)
        .commandTimeout(Duration.ofMillis(500)));
    RedisUnavailableException e =
        assertThrows(RedisUnavailableException.class, () -> store.load("a", n -> {}));
    assertTrue(e.getMessage().contains("127.0.0.1:" + doomed.port()), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertThrows(RedisUnavailableException.class, () -> store.withLoginLock("a", () -> null));
    assertThrows(RedisUnavailableException.class, () -> store.reserveLogin("a", T0, WINDOW, 10));
    assertThrows(
        RedisUnavailableException.class, () -> store.save("a", new StoredSession("t", 1, 1, 1)));
    assertFalse(store.toString().contains("hunter2"));
  }

  @Test
  void badSettingsAreRefusedNamingTheSetterAndNeverThePassword() {
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> RedisSessionStore.builder("http://:pw-secret@127.0.0.1:6379").build());
    assertTrue(e.getMessage().contains("redis://"), e.getMessage());
    assertFalse(e.getMessage().contains("pw-secret"), e.getMessage());
    e = assertThrows(
        LatchkeyConfigException.class,
        () -> RedisSessionStore.builder(redis.uri()).lockLease(Duration.ZERO).build());
    assertTrue(e.getMessage().contains("lockLease"), e.getMessage());
    e = assertThrows(
        LatchkeyConfigException.class,
        () -> RedisSessionStore.builder(redis.uri()).fallbackLoginLimit(0).build());
    assertTrue(e.getMessage().contains("fallbackLoginLimit"), e.getMessage());
    assertThrows(
        LatchkeyConfigException.class, () -> RedisSessionStore.builder(null).build());
    for (String bad :
        List.of("redis://127.0.0.1:notaport", "redis://", "redis://h:99999", "127.0.0.1:6379")) {
      assertThrows(
          LatchkeyConfigException.class, () -> RedisSessionStore.builder(bad).build(), bad);
    }
  }
}
