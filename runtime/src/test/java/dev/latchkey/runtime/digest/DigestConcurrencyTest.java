package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestTestSupport.Events;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** One client shared by many threads against Jetty, which refuses any replayed nonce count. */
class DigestConcurrencyTest {
  private final Events events = new Events();

  private LatchkeyClient client(JettyDigestServer jetty) {
    DigestScheme scheme = DigestScheme.builder()
        .credentials(() -> new UserPassword("robot", "pw"))
        .nonceLifetime(Duration.ofMinutes(10))
        .build();
    return DigestTestSupport.client(jetty.baseUrl(), scheme, Clock.systemUTC(), events, null);
  }

  /** Runs {@code calls} GETs on each of {@code threads} threads, all released together. */
  private static int run(LatchkeyClient client, String url, int threads, int calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier barrier = new CyclicBarrier(threads);
    OkHttpClient http = client.okHttpClient();
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          barrier.await(30, TimeUnit.SECONDS);
          int ok = 0;
          for (int i = 0; i < calls; i++) {
            try (Response r =
                http.newCall(new Request.Builder().url(url).build()).execute()) {
              r.body().string();
              ok += r.code() == 200 ? 1 : 0;
            }
          }
          return ok;
        }));
      }
      int ok = 0;
      for (Future<Integer> result : results) {
        ok += result.get(5, TimeUnit.MINUTES);
      }
      return ok;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thirtyTwoThreadsTimesFiveHundredCallsShareOneNonceWithUniqueCounts() throws Exception {
    try (JettyDigestServer jetty = new JettyDigestServer("SHA-256", "pw", 600_000, 20_000, true);
        LatchkeyClient client = client(jetty)) {
      int ok = run(client, jetty.baseUrl() + "hot", 32, 500);
      assertEquals(32 * 500, ok);
      assertEquals(32 * 500 + 1, jetty.exchanges.get());
      assertEquals(1, events.count(AuthEvent.Type.CHALLENGE));
      assertEquals(0, events.count(AuthEvent.Type.REJECTED));
      Set<String> nonces = new HashSet<>();
      Set<String> counts = new HashSet<>();
      synchronized (jetty.authorizations) {
        for (String authorization : jetty.authorizations) {
          Map<String, String> params = DigestTestSupport.authParams(authorization);
          nonces.add(params.get("nonce"));
          assertTrue(counts.add(params.get("nc")), "nc sent twice: " + params.get("nc"));
        }
      }
      assertEquals(1, nonces.size());
      assertEquals(32 * 500, counts.size());
    }
  }

  @RepeatedTest(5)
  void sixteenColdParallelRequestsCostSeventeenExchanges() throws Exception {
    try (JettyDigestServer jetty = new JettyDigestServer("SHA-256", "pw", 600_000, 1024, false);
        LatchkeyClient client = client(jetty)) {
      assertEquals(16, run(client, jetty.baseUrl() + "cold", 16, 1));
      assertEquals(17, jetty.exchanges.get());
      assertEquals(1, events.count(AuthEvent.Type.CHALLENGE));
    }
  }
}
