package dev.latchkey.runtime.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.RateLimitedException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeaderBasicAndRateLimitTest {
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final RecordingListener events = new RecordingListener();
  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    if (client != null) {
      client.close();
    }
  }

  private LatchkeyClient basic(Duration maxWait) {
    HeaderScheme scheme = Fixtures.mediaSilo()
        .mode(HeaderAuthMode.BASIC)
        .maxRateLimitWait(maxWait)
        .sleeper(slept::add)
        .build();
    client = Fixtures.client(scheme, server.url("/v3/"), clock, events);
    return client;
  }

  private static MockResponse status(int code, String... headerPairs) {
    MockResponse.Builder builder = new MockResponse.Builder().code(code).body("{}");
    for (int i = 0; i < headerPairs.length; i += 2) {
      builder.addHeader(headerPairs[i], headerPairs[i + 1]);
    }
    return builder.build();
  }

  @Test
  void basicSendsCredentialsAndStaticHeadersOnEveryRequest() throws Exception {
    basic(Duration.ZERO);
    server.enqueue(status(200));
    server.enqueue(status(200));
    assertEquals(200, Fixtures.get(client, "me"));
    assertEquals(200, Fixtures.get(client, "projects"));
    String expected = Credentials.basic(
        FakeSessionServer.USER, FakeSessionServer.PASSWORD, StandardCharsets.UTF_8);
    for (int i = 0; i < 2; i++) {
      RecordedRequest request = server.takeRequest();
      assertEquals(expected, request.getHeaders().get("Authorization"));
      assertEquals("acme", request.getHeaders().get("MediaSiloHostContext"));
      assertEquals(FakeSessionServer.API_KEY, request.getHeaders().get("MediaSiloApiKey"));
      assertEquals(null, request.getHeaders().get("MediaSiloSessionKey"));
    }
    assertEquals(0, events.count(AuthEvent.Type.LOGIN));
  }

  @Test
  void basicRefusalIsTerminalAndSecretFree() {
    basic(Duration.ZERO);
    server.enqueue(new MockResponse.Builder()
        .code(403)
        .body("{\"message\":\"Authentication failed for key " + FakeSessionServer.API_KEY + "\"}")
        .build());
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> Fixtures.get(client, "me"));
    assertEquals(1, server.getRequestCount());
    assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
    assertTrue(e.getMessage().contains("Authentication failed"), e.getMessage());
    assertFalse(e.getMessage().contains(FakeSessionServer.API_KEY), e.getMessage());
    assertFalse(e.getMessage().contains(FakeSessionServer.PASSWORD), e.getMessage());
    assertEquals(1, events.count(AuthEvent.Type.REJECTED));
  }

  @Test
  void tooManyRequestsCarriesTheWaitInSeconds() {
    basic(Duration.ZERO);
    server.enqueue(status(429, "Retry-After", "7"));
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> Fixtures.get(client, "me"));
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
    assertTrue(slept.isEmpty());
  }

  @Test
  void legacy420CarriesTheWaitFromAnHttpDate() {
    basic(Duration.ZERO);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        clock.instant().plusSeconds(90).atOffset(ZoneOffset.UTC));
    server.enqueue(status(420, "Retry-After", date));
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> Fixtures.get(client, "me"));
    assertEquals(Duration.ofSeconds(90), e.retryAfter());
  }

  @Test
  void aShortWaitIsWaitedOutOnceWhenConfigured() throws IOException {
    basic(Duration.ofSeconds(10));
    server.enqueue(status(429, "Retry-After", "3"));
    server.enqueue(status(200));
    assertEquals(200, Fixtures.get(client, "me"));
    assertEquals(List.of(Duration.ofSeconds(3)), slept);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theWaitIsBoundedToOneRetry() {
    basic(Duration.ofSeconds(10));
    server.enqueue(status(429, "Retry-After", "3"));
    server.enqueue(status(429, "Retry-After", "4"));
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> Fixtures.get(client, "me"));
    assertEquals(Duration.ofSeconds(4), e.retryAfter());
    assertEquals(List.of(Duration.ofSeconds(3)), slept);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aWaitLongerThanTheBoundThrowsAtOnce() {
    basic(Duration.ofSeconds(10));
    server.enqueue(status(429, "Retry-After", "60"));
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> Fixtures.get(client, "me"));
    assertEquals(Duration.ofSeconds(60), e.retryAfter());
    assertTrue(slept.isEmpty());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void rateLimitedSessionCreationIsTyped() {
    client = Fixtures.client(Fixtures.mediaSilo().build(), server.url("/v3/"), clock, events);
    server.enqueue(status(429, "Retry-After", "12"));
    // A throttled session creation is a throttled login, as for token login: typed with its
    // instant.
    dev.latchkey.runtime.LoginThrottledException e = assertThrows(
        dev.latchkey.runtime.LoginThrottledException.class, () -> Fixtures.get(client, "me"));
    assertEquals(clock.instant().plusSeconds(12), e.nextLoginAllowed());
    assertEquals(1, events.count(AuthEvent.Type.THROTTLED));
  }

  @Test
  void aSessionKeyAHeaderCannotCarryIsTypedAndNotQuoted() {
    client = Fixtures.client(Fixtures.mediaSilo().build(), server.url("/v3/"), clock, events);
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .body("{\"id\":\"abc\\nsecret-tail\"}")
        .build());
    dev.latchkey.runtime.UnexpectedAnswerException e = assertThrows(
        dev.latchkey.runtime.UnexpectedAnswerException.class, () -> Fixtures.get(client, "me"));
    assertFalse(e.getMessage().contains("secret-tail"), e.getMessage());
    assertTrue(e.getMessage().contains("/id"), e.getMessage());
  }

  @Test
  void aSessionAnswerWithoutKeyIsTyped() {
    client = Fixtures.client(Fixtures.mediaSilo().build(), server.url("/v3/"), clock, events);
    server.enqueue(new MockResponse.Builder().code(200).body("{\"session\":{}}").build());
    dev.latchkey.runtime.UnexpectedAnswerException e = assertThrows(
        dev.latchkey.runtime.UnexpectedAnswerException.class, () -> Fixtures.get(client, "me"));
    assertTrue(e.getMessage().contains("no key at /id"), e.getMessage());
    assertEquals(1, events.count(AuthEvent.Type.LOGIN_FAILED));
  }
}
