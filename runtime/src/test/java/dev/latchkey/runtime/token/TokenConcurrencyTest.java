package dev.latchkey.runtime.token;

import static dev.latchkey.runtime.token.TokenTestSupport.count;
import static dev.latchkey.runtime.token.TokenTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenConcurrencyTest {
  private static final int THREADS = 64;
  /** Only a guard against a hang; the tests do not depend on timing. */
  private static final long HANG_GUARD_SECONDS = 60;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeXandr fake = new FakeXandr(clock);
  private final MockWebServer server = new MockWebServer();
  private final List<AuthEvent> events = TokenTestSupport.events();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(fake);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private void connect(TokenScheme scheme, OkHttpClient base) {
    client = TokenTestSupport.client(server.url("/").toString(), clock, scheme, events, base);
  }

  /** Runs {@code calls} GETs of /member from 64 threads released together; returns the outcomes. */
  private List<Object> burst(int calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<List<Object>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(() -> {
        start.await();
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
          try {
            outcomes.add(get(client, "member"));
          } catch (IOException e) {
            outcomes.add(e);
          }
        }
        return outcomes;
      }));
    }
    List<Object> all = new ArrayList<>();
    for (Future<List<Object>> future : futures) {
      all.addAll(future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    }
    return all;
  }

  @Test
  void sixtyFourThreadsOnAnExpiredTokenMakeExactlyOneLogin() throws Exception {
    connect(TokenTestSupport.xandr().build(), new OkHttpClient());
    get(client, "member");
    clock.advance(Duration.ofHours(3)); // the client knows the idle lifetime ended
    fake.valid.clear();
    List<Object> outcomes = burst(1);
    outcomes.forEach(o -> assertTrue(String.valueOf(o).startsWith("200 "), String.valueOf(o)));
    assertEquals(2, fake.logins.get());
    assertEquals(0, count(events, AuthEvent.Type.REJECTED));
  }

  @Test
  void sixtyFourThreadsRefusedTogetherMakeExactlyOneRelogin() throws Exception {
    connect(TokenTestSupport.xandr().build(), new OkHttpClient());
    get(client, "member");
    fake.valid.clear(); // revoked on the server: the client only learns it from the answers
    List<Object> outcomes = burst(1);
    outcomes.forEach(o -> assertTrue(String.valueOf(o).startsWith("200 "), String.valueOf(o)));
    assertEquals(
        2, fake.logins.get(), "a caller refused with generation 1 must not end generation 2");
  }

  @Test
  void serverRefusingEverythingNeverGetsMoreThanTenLoginsInFiveMinutes() throws Exception {
    connect(TokenTestSupport.xandr().build(), new OkHttpClient());
    fake.call = request -> FakeXandr.json(401, FakeXandr.NOAUTH);
    Map<Class<?>, AtomicInteger> kinds = new ConcurrentHashMap<>();
    for (int round = 0; round < 40; round++) { // 40 rounds 20 s apart: more than two windows
      for (Object outcome : burst(2)) {
        if (!(outcome instanceof LatchkeyException)) {
          fail("every call must end in a typed exception, got " + outcome);
        }
        kinds.computeIfAbsent(outcome.getClass(), k -> new AtomicInteger()).incrementAndGet();
      }
      clock.advance(Duration.ofSeconds(20));
    }
    List<Long> times = fake.loginTimes();
    long window = Duration.ofMinutes(5).toMillis();
    for (int i = 0; i < times.size(); i++) {
      int inWindow = 0;
      for (long t : times) {
        if (t >= times.get(i) && t < times.get(i) + window) {
          inWindow++;
        }
      }
      assertTrue(inWindow <= 10, "logins in the 5 minutes from " + times.get(i) + ": " + inWindow);
    }
    assertTrue(times.size() >= 20, "the budget refills each window: " + times.size());
    assertTrue(
        kinds.containsKey(dev.latchkey.runtime.LoginThrottledException.class), kinds.toString());
  }

  @Test
  void sixtyFourThreadsWithAWrongPasswordSpendOneLogin() throws Exception {
    connect(TokenTestSupport.xandr().build(), new OkHttpClient());
    fake.login = request -> FakeXandr.json(401, FakeXandr.NOAUTH);
    for (Object outcome : burst(3)) {
      assertTrue(
          outcome instanceof dev.latchkey.runtime.AuthenticationFailedException,
          String.valueOf(outcome));
    }
    assertEquals(
        1, fake.loginTimes().size(), "a refused password is never tried again within the backoff");
  }

  @Test
  void loginCompletesWhenTheDispatcherHasOneSlot() throws Exception {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(1);
    dispatcher.setMaxRequestsPerHost(1);
    connect(
        TokenTestSupport.xandr().build(),
        new OkHttpClient.Builder().dispatcher(dispatcher).build());
    int calls = 16;
    CountDownLatch done = new CountDownLatch(calls);
    List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < calls; i++) {
      Request request =
          new Request.Builder().url(client.baseUrl().resolve("member")).build();
      client.okHttpClient().newCall(request).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          outcomes.add(e.toString());
          done.countDown();
        }

        @Override
        public void onResponse(Call call, Response response) {
          outcomes.add(String.valueOf(response.code()));
          response.close();
          done.countDown();
        }
      });
    }
    assertTrue(
        done.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "login deadlocked behind queued calls");
    assertEquals(calls, outcomes.stream().filter("200"::equals).count(), outcomes.toString());
    assertEquals(1, fake.logins.get());
    dispatcher.executorService().shutdown();
  }
}
