package dev.latchkey.runtime.digest;

import static dev.latchkey.runtime.digest.DigestTestSupport.authParams;
import static dev.latchkey.runtime.digest.DigestTestSupport.challenge;
import static dev.latchkey.runtime.digest.DigestTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestTestSupport.Events;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nonce reuse and proactive renewal, driven by an injected clock (no sleeping). */
class DigestNonceLifetimeTest {
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Events events = new Events();
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    DigestScheme scheme = DigestScheme.builder()
        .credentials(() -> new UserPassword("robot", "pw"))
        .nonceLifetime(Duration.ofSeconds(100)) // renewal margin: 5 s
        .build();
    client = DigestTestSupport.client(server.url("/").toString(), scheme, clock, events, null);
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  private void call() throws IOException {
    try (Response r = client
        .okHttpClient()
        .newCall(new Request.Builder().url(server.url("/")).build())
        .execute()) {
      assertEquals(200, r.code());
    }
  }

  private Map<String, String> nextAuthorization() throws Exception {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    String value = request.getHeaders().get("Authorization");
    return value == null ? null : authParams(value);
  }

  @Test
  void reusedWithinLifetimeRenewedProactivelyBeforeItsEndAndFetchedAgainAfter() throws Exception {
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(ok("cold"));
    call();
    clock.advance(Duration.ofSeconds(94)); // before renewAt (95 s): plain reuse
    server.enqueue(ok("reused"));
    call();
    assertEquals(3, server.getRequestCount());
    assertEquals(0, events.count(AuthEvent.Type.NONCE_RENEWED));

    clock.advance(Duration.ofSeconds(2)); // 96 s: inside the margin, nonce still valid
    server.enqueue(ok("a post does not renew: its body would travel twice"));
    try (Response r = client
        .okHttpClient()
        .newCall(new Request.Builder()
            .url(server.url("/"))
            .post(okhttp3.RequestBody.create("body", null))
            .build())
        .execute()) {
      assertEquals(200, r.code());
    }
    server.enqueue(challenge("realm=\"r\", nonce=\"n2\", qop=\"auth\""));
    server.enqueue(ok("renewed"));
    call();
    assertEquals(6, server.getRequestCount());
    assertEquals(1, events.count(AuthEvent.Type.NONCE_RENEWED));

    clock.advance(Duration.ofSeconds(50)); // n1 would be gone; n2 (from 96 s) is not
    server.enqueue(ok("reused n2"));
    call();

    clock.advance(Duration.ofSeconds(200)); // n2 expired too: a cold fetch, no failed attempt
    server.enqueue(challenge("realm=\"r\", nonce=\"n3\", qop=\"auth\""));
    server.enqueue(ok("cold again"));
    call();
    assertEquals(9, server.getRequestCount());

    assertNull(nextAuthorization());
    assertEquals("n1", nextAuthorization().get("nonce"));
    Map<String, String> reused = nextAuthorization();
    assertEquals("n1", reused.get("nonce"));
    assertEquals("00000002", reused.get("nc"));
    assertEquals("00000003", nextAuthorization().get("nc")); // the POST, still on n1
    assertNull(nextAuthorization()); // the renewal probe carries no credentials
    assertEquals("n2", nextAuthorization().get("nonce"));
    Map<String, String> second = nextAuthorization();
    assertEquals("n2", second.get("nonce"));
    assertEquals("00000002", second.get("nc"));
    assertNull(nextAuthorization());
    assertEquals("n3", nextAuthorization().get("nonce"));
    assertEquals(3, events.count(AuthEvent.Type.CHALLENGE));
    assertEquals(0, events.count(AuthEvent.Type.REJECTED));
  }
}
