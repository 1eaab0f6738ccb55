package dev.latchkey.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.runtime.LatchkeyClient;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine under many threads, for both kinds that log in: one login for all of them, and after
 * the server drops the session, one re-login for all of them (invalidation is per generation: a
 * caller refused with generation g never discards the g+1 another caller just made).
 */
class SessionConcurrencyTest {
  private static final int THREADS = 16;
  private static final int CALLS = 10;
  private final MockWebServer server = new MockWebServer();
  private final FakeSessionApi api = new FakeSessionApi("tok");
  private ExecutorService pool;
  private LatchkeyClient client;

  @AfterEach
  void stop() throws IOException {
    pool.shutdownNow();
    client.close();
    server.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"TOKEN", "HEADER_SESSION"})
  void manyThreadsOneLoginAndOneReLoginPerDroppedSession(Kind kind) throws Exception {
    server.setDispatcher(api);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = LatchkeyClient.builder("Concurrent")
        .baseUrl(server.url("/api/").newBuilder().host("127.0.0.1").build().toString())
        .auth(kind.scheme())
        .build();
    client.okHttpClient().dispatcher().setMaxRequestsPerHost(THREADS);
    pool = Executors.newFixedThreadPool(THREADS);
    for (int round = 1; round <= 3; round++) {
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(pool.submit(() -> {
          start.await(20, TimeUnit.SECONDS);
          int ok = 0;
          for (int i = 0; i < CALLS; i++) {
            try (Response response = client
                .okHttpClient()
                .newCall(
                    new Request.Builder().url(client.baseUrl().resolve("me")).build())
                .execute()) {
              ok += response.code() == 200 ? 1 : 0;
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> result : results) {
        assertEquals(CALLS, result.get(60, TimeUnit.SECONDS));
      }
      assertEquals(round, api.logins.get(), "logins after round " + round);
      api.forgetSessions(); // every thread is refused at once in the next round
    }
  }
}
