package dev.latchkey.runtime.digest;

import static dev.latchkey.runtime.digest.DigestTestSupport.authParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestTestSupport.Events;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * While one caller renews a nonce that is about to run out, the others keep using it: the renewal
 * probe is held at the server until another call has gone through with the old nonce.
 */
class DigestRenewalConcurrencyTest {

  @Test
  void othersKeepUsingTheOldNonceWhileOneRenews() throws Exception {
    CountDownLatch probeArrived = new CountDownLatch(1);
    CountDownLatch releaseProbe = new CountDownLatch(1);
    List<String> nonces = new CopyOnWriteArrayList<>();
    int[] challenges = {0};
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Events events = new Events();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          String authorization = request.getHeaders().get("Authorization");
          if (authorization == null) {
            int n;
            synchronized (challenges) {
              n = ++challenges[0];
            }
            if (n == 2) { // the renewal probe
              probeArrived.countDown();
              releaseProbe.await(10, TimeUnit.SECONDS);
            }
            return DigestTestSupport.challenge("realm=\"r\", nonce=\"n" + n + "\", qop=\"auth\"");
          }
          try {
            nonces.add(authParams(authorization).get("nonce"));
          } catch (Exception e) {
            return new MockResponse.Builder().code(400).build();
          }
          return DigestTestSupport.ok("ok");
        }
      });
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      DigestScheme scheme = DigestScheme.builder()
          .credentials(() -> new UserPassword("robot", "pw"))
          .nonceLifetime(Duration.ofSeconds(100))
          .build();
      try (LatchkeyClient client =
          DigestTestSupport.client(server.url("/").toString(), scheme, clock, events, null)) {
        Request get = new Request.Builder().url(server.url("/")).build();
        client.okHttpClient().newCall(get).execute().close();
        clock.advance(Duration.ofSeconds(97)); // inside the renewal margin, still valid
        CompletableFuture<Integer> renewer = CompletableFuture.supplyAsync(() -> {
          try (Response r = client.okHttpClient().newCall(get).execute()) {
            return r.code();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        assertTrue(probeArrived.await(10, TimeUnit.SECONDS));
        try (Response r = client.okHttpClient().newCall(get).execute()) {
          assertEquals(200, r.code());
        }
        releaseProbe.countDown();
        assertEquals(200, renewer.get(10, TimeUnit.SECONDS));
      }
    }
    assertEquals(List.of("n1", "n1", "n2"), nonces);
    assertEquals(1, events.count(AuthEvent.Type.NONCE_RENEWED));
    assertEquals(2, events.count(AuthEvent.Type.CHALLENGE));
  }
}
