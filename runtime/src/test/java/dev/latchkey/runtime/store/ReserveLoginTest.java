package dev.latchkey.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.latchkey.runtime.store.SessionStore.StoredSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPI's default login reservation and generation memory on the in-memory and file stores. */
class ReserveLoginTest {
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path temp;

  private int reserveConcurrently(Supplier<SessionStore> stores, Instant now) throws Exception {
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger granted = new AtomicInteger();
    try {
      CyclicBarrier together = new CyclicBarrier(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SessionStore store = stores.get();
        done.add(pool.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          for (int i = 0; i < 5; i++) {
            if (store.reserveLogin("acct", now, WINDOW, 10).isEmpty()) {
              granted.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return granted.get();
  }

  @Test
  void exactlyTheLimitIsGrantedUnderConcurrencyThenTheWindowSlides() throws Exception {
    InMemorySessionStore shared = new InMemorySessionStore();
    Path dir = temp.resolve("s");
    List<Supplier<SessionStore>> kinds = List.of(() -> shared, () -> FileSessionStore.open(dir));
    for (Supplier<SessionStore> kind : kinds) {
      assertEquals(10, reserveConcurrently(kind, T0), kind.get().toString());
      Optional<Instant> next = kind.get().reserveLogin("acct", T0.plusSeconds(60), WINDOW, 10);
      assertEquals(Optional.of(T0.plus(WINDOW)), next);
      assertEquals(10, reserveConcurrently(kind, T0.plus(WINDOW)), "the first ten left the window");
    }
  }

  @Test
  void lastGenerationDefaultsToTheStoredSession() throws Exception {
    for (SessionStore store :
        List.of(new InMemorySessionStore(), FileSessionStore.open(temp.resolve("g")))) {
      assertEquals(0, store.lastGeneration("a"));
      store.save(
          "a",
          new StoredSession("t", 7, 1, 1),
          new SessionStore.Lifetimes(Duration.ofHours(2), null));
      assertEquals(7, store.lastGeneration("a"));
    }
  }

  @Test
  void lifetimesGiveTheEarlierEnd() {
    StoredSession s = new StoredSession("t", 1, 1_000, 5_000);
    assertEquals(
        5_000 + 7_200_000,
        new SessionStore.Lifetimes(Duration.ofHours(2), Duration.ofHours(24)).endMillis(s));
    assertEquals(
        1_000 + 3_600_000,
        new SessionStore.Lifetimes(Duration.ofHours(2), Duration.ofHours(1)).endMillis(s));
    assertEquals(Long.MAX_VALUE, SessionStore.Lifetimes.UNKNOWN.endMillis(s));
  }

  @Test
  void accountKeysHideTheUserAndNameTheKindAndOrigin() {
    dev.latchkey.runtime.http.Origin production =
        dev.latchkey.runtime.http.Origin.of(okhttp3.HttpUrl.get("https://api.example.test/"));
    dev.latchkey.runtime.http.Origin staging =
        dev.latchkey.runtime.http.Origin.of(okhttp3.HttpUrl.get("https://staging.example.test/"));
    String key = SessionStore.accountKey("XandrApi", "token", production, "alice");
    assertEquals("XandrApi-token-", key.substring(0, 15));
    assertEquals(15 + 16, key.length());
    assertEquals(false, key.contains("alice"));
    // issue 14, defect 2: two base URLs (or two kinds) never share a key
    assertNotEquals(key, SessionStore.accountKey("XandrApi", "token", staging, "alice"));
    assertNotEquals(key, SessionStore.accountKey("XandrApi", "header", production, "alice"));
  }
}
