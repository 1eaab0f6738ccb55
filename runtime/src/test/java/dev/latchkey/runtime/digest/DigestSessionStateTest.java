package dev.latchkey.runtime.digest;

import static dev.latchkey.runtime.digest.DigestTestSupport.challenge;
import static dev.latchkey.runtime.digest.DigestTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.SessionState;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LatchkeyClient#sessionState()} of a digest client reports the base origin's nonce. */
class DigestSessionStateTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final DigestTestSupport.Events events = new DigestTestSupport.Events();
  private final MockWebServer server = new MockWebServer();
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    DigestScheme scheme = DigestScheme.builder()
        .credentials(() -> new UserPassword("robot", "pw"))
        .nonceLifetime(Duration.ofMinutes(5))
        .build();
    client = DigestTestSupport.client(server.url("/").toString(), scheme, clock, events, null);
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  @Test
  void noneThenLiveUntilTheNonceRunsOutThenNone() throws Exception {
    assertEquals(SessionState.Status.NONE, client.sessionState().status());
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(ok("a"));
    Request request = new Request.Builder().url(server.url("/secret")).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      assertEquals(200, response.code());
    }
    SessionState live = client.sessionState();
    assertEquals(SessionState.Status.LIVE, live.status());
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), live.until());
    assertEquals("realm=r", live.detail());
    assertEquals(2, server.getRequestCount()); // reading the state made no call

    AuthEvent challenge = events.all.stream()
        .filter(e -> e.type() == AuthEvent.Type.CHALLENGE)
        .findFirst()
        .orElseThrow();
    assertEquals("DigestTest", challenge.client());
    assertTrue(challenge.hasDuration());

    clock.advance(Duration.ofMinutes(5));
    assertEquals(SessionState.Status.NONE, client.sessionState().status());
  }
}
