package dev.latchkey.samples.xandr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.redis.RedisServer;
import dev.latchkey.redis.RedisSessionStore;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.sim.SimClock;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fleet mode (issue 7) in one JVM: 8 workers, each a generated {@code LatchkeyXandrApi} with its
 * own OkHttp client and its own {@link RedisSessionStore}, so they share nothing but a real
 * redis-server; 16 threads each, one Xandr account.
 */
class XandrFleetTest {
  private static final int WORKERS = 8;
  private static final int THREADS = 16;
  private static RedisServer redis;

  private final List<Worker> fleet = new ArrayList<>();
  private final List<AuthEvent> events = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(WORKERS * THREADS);

  /** One worker: a client, its own OkHttp client and store, and its store's events. */
  private record Worker(
      LatchkeyXandrApi api,
      OkHttpClient http,
      RedisSessionStore store,
      List<AuthEvent> storeEvents) {}

  @BeforeAll
  static void startRedis() throws IOException {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void emptyRedis() throws IOException {
    assertEquals("+OK", redis.command("FLUSHALL"));
  }

  @AfterEach
  void closeFleet() throws IOException {
    pool.shutdownNow();
    for (Worker w : fleet) {
      w.api().close();
      w.store().close();
      w.http().dispatcher().executorService().shutdown();
      w.http().connectionPool().evictAll();
    }
  }

  private void startFleet(String baseUrl, Clock clock) {
    for (int i = 0; i < WORKERS; i++) {
      List<AuthEvent> storeEvents = new CopyOnWriteArrayList<>();
      RedisSessionStore store = RedisSessionStore.builder(redis.uri())
          .probeInterval(Duration.ofMillis(50))
          .eventListener(storeEvents::add)
          .build();
      OkHttpClient http = new OkHttpClient();
      LatchkeyXandrApi api = LatchkeyXandrApi.builder()
          .baseUrl(baseUrl)
          .credentials(() -> new UserPassword(
              XandrSimulatorConfig.DEFAULT_USER, XandrSimulatorConfig.DEFAULT_PASSWORD))
          .okHttpClient(http)
          .clock(clock)
          .eventListener(events::add)
          .sessionStore(store)
          .build();
      fleet.add(new Worker(api, http, store, storeEvents));
    }
  }

  /**
   * Every thread of every worker makes {@code calls} calls, all starting together; returns
   * failures.
   */
  private int run(int calls) throws Exception {
    CyclicBarrier together = new CyclicBarrier(WORKERS * THREADS);
    AtomicInteger failed = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (Worker w : fleet) {
      for (int t = 0; t < THREADS; t++) {
        done.add(pool.submit(() -> {
          together.await(60, TimeUnit.SECONDS);
          for (int i = 0; i < calls; i++) {
            try {
              if (!w.api().member().execute().isSuccessful()) {
                failed.incrementAndGet();
              }
            } catch (IOException e) {
              failed.incrementAndGet();
            }
          }
          return null;
        }));
      }
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    return failed.get();
  }

  @Test
  void eightWorkersOfSixteenThreadsLogInOnceBetweenThem() throws Exception {
    try (XandrSimulator sim =
        XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC())) {
      startFleet(sim.url().toString(), Clock.systemUTC());
      assertEquals(0, run(8));
      assertEquals(1, sim.logins(), "one login for 8 workers x 16 threads");
      assertEquals(0, sim.rejected());
      assertEquals(WORKERS * THREADS * 8 + 1, sim.requests());
    }
  }

  @Test
  void withShortServerLifetimesLoginsEqualTheMinimum() throws Exception {
    SimClock clock = new SimClock(Instant.parse("2026-03-02T08:00:00Z"));
    // the server ends tokens after 1 h, though the client expects 24 h: each end is seen as NOAUTH
    XandrSimulatorConfig config =
        XandrSimulatorConfig.defaults().withLifetimes(Duration.ofHours(2), Duration.ofHours(1));
    try (XandrSimulator sim = XandrSimulator.start(config, clock)) {
      startFleet(sim.url().toString(), clock);
      for (int phase = 1; phase <= 4; phase++) {
        assertEquals(0, run(2), "phase " + phase);
        assertEquals(phase, sim.logins(), "one login per server lifetime, fleet-wide");
        clock.advance(Duration.ofMinutes(61));
      }
    }
  }

  @Test
  void aServerRefusingEveryTokenSeesNoMoreThanTheLimitInAnyWindowAcrossTheFleet() throws Exception {
    SimClock clock = new SimClock(Instant.parse("2026-03-02T08:00:00Z"));
    List<Long> logins = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (request.getUrl().encodedPath().equals("/auth")) {
            logins.add(clock.millis());
            return xandr(
                200, "{\"response\":{\"status\":\"OK\",\"token\":\"t" + logins.size() + "\"}}");
          }
          return xandr(401, "{\"response\":{\"error_id\":\"NOAUTH\",\"error\":\"not logged in\"}}");
        }
      });
      server.start();
      startFleet(server.url("/").toString(), clock);
      assertEquals(
          WORKERS * THREADS * 3, run(3), "every call fails: the server refuses every token");
      assertEquals(10, logins.size(), "the fleet spends the whole budget of 10, and no more");
      clock.advance(Duration.ofMinutes(3));
      run(3);
      assertEquals(10, logins.size(), "3 minutes later the window is still full");
      clock.advance(Duration.ofMinutes(2));
      run(3);
      assertEquals(20, logins.size(), "5 minutes after the first logins, 10 more");
      for (long start : logins) {
        long inWindow = logins.stream()
            .filter(t -> t >= start && t < start + Duration.ofMinutes(5).toMillis())
            .count();
        assertTrue(
            inWindow <= 10,
            inWindow + " logins in the 5 minutes from " + Instant.ofEpochMilli(start));
      }
    }
  }

  private static MockResponse xandr(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "text/html")
        .body(body)
        .build();
  }

  @Test
  void redisStoppedInTheMiddleOfARunAndStartedAgainFailsNoCall() throws Exception {
    SimClock clock = new SimClock(Instant.parse("2026-03-02T08:00:00Z"));
    XandrSimulatorConfig config =
        XandrSimulatorConfig.defaults().withLifetimes(Duration.ofHours(2), Duration.ofHours(1));
    try (XandrSimulator sim = XandrSimulator.start(config, clock)) {
      startFleet(sim.url().toString(), clock);
      assertEquals(0, run(2));
      assertEquals(1, sim.logins());

      redis.stop();
      clock.advance(
          Duration.ofMinutes(61)); // the token ends: every worker must log in without Redis
      assertEquals(0, run(2), "no failed call while Redis is down");
      assertEquals(
          1 + WORKERS, sim.logins(), "one local login per worker, within the fallback limit");
      for (Worker w : fleet) {
        assertEquals(
            1, count(w.storeEvents(), AuthEvent.Type.STORE_UNAVAILABLE), "one event per worker");
      }

      redis.startAgain();
      awaitRedisSeenBy(fleet);
      clock.advance(Duration.ofMinutes(61));
      assertEquals(0, run(2), "no failed call after Redis is back");
      assertEquals(2 + WORKERS, sim.logins(), "sharing resumed: one login for the whole fleet");
      for (Worker w : fleet) {
        assertEquals(1, count(w.storeEvents(), AuthEvent.Type.STORE_RESTORED));
      }
    }
  }

  /**
   * Waits (bounded) until each store has reached the restarted Redis: Lettuce reconnects by itself.
   */
  private static void awaitRedisSeenBy(List<Worker> fleet) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (Worker w : fleet) {
      while (true) {
        try {
          w.store().lastGeneration("probe");
          if (!w.store().isUnavailable()) {
            break;
          }
        } catch (IOException stillDown) {
          // retried below
        }
        assertTrue(System.nanoTime() < deadline, "the store reconnected to Redis");
        Thread.sleep(50);
      }
    }
  }

  private static long count(List<AuthEvent> events, AuthEvent.Type type) {
    return events.stream().filter(e -> e.type() == type).count();
  }
}
