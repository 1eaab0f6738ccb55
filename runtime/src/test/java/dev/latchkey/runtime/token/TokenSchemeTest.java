package dev.latchkey.runtime.token;

import static dev.latchkey.runtime.token.FakeXandr.json;
import static dev.latchkey.runtime.token.TokenTestSupport.PASSWORD;
import static dev.latchkey.runtime.token.TokenTestSupport.count;
import static dev.latchkey.runtime.token.TokenTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.runtime.AccessDeniedException;
import dev.latchkey.runtime.AccountUnusableException;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.ReplayRefusedException;
import dev.latchkey.runtime.UnexpectedAnswerException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSchemeTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeXandr fake = new FakeXandr(clock);
  private final MockWebServer server = new MockWebServer();
  private final List<AuthEvent> events = TokenTestSupport.events();
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(fake);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private LatchkeyClient connect(TokenScheme scheme) {
    client = TokenTestSupport.client(server.url("/").toString(), clock, scheme, events);
    return client;
  }

  @Test
  void headerTransportLogsInOnceAndReusesTheToken() throws Exception {
    connect(TokenTestSupport.xandr().build());
    assertTrue(get(client, "member").startsWith("200 "));
    assertTrue(get(client, "member").startsWith("200 "));

    assertEquals(1, fake.logins.get());
    RecordedRequest login = fake.loginRequests.get(0);
    JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(login.getBody().utf8());
    assertEquals("alice", body.at("/auth/username").asText());
    assertEquals(PASSWORD, body.at("/auth/password").asText());
    assertEquals("POST", login.getMethod());
    assertEquals(1, count(events, AuthEvent.Type.LOGIN));
    assertEquals(0, count(events, AuthEvent.Type.REJECTED));
  }

  @Test
  void cookieTransportSendsTheTokenAsCookieToTheBaseHostOnly() throws Exception {
    connect(TokenTestSupport.xandr().cookie("IBAPI_SESSID").build());
    fake.call = request -> {
      assertNull(request.getHeaders().get("Authorization"));
      return fake.checkToken(request);
    };
    assertTrue(get(client, "member").startsWith("200 "));
    assertTrue(get(client, "member").startsWith("200 "));
    assertEquals(1, fake.logins.get());

    try (MockWebServer other = new MockWebServer()) {
      other.enqueue(new MockResponse.Builder().body("hi").build());
      other.start();
      Request elsewhere = new Request.Builder()
          .url(other.url("/x").newBuilder().host("localhost").build())
          .build();
      client.okHttpClient().newCall(elsewhere).execute().close();
      RecordedRequest seen = other.takeRequest();
      assertNull(seen.getHeaders().get("Cookie"));
      assertNull(seen.getHeaders().get("Authorization"));
    }
  }

  @Test
  void cookieTransportKeepsTheUsersOtherCookies() throws Exception {
    List<okhttp3.Cookie> saved = new java.util.concurrent.CopyOnWriteArrayList<>();
    okhttp3.CookieJar userJar = new okhttp3.CookieJar() {
      @Override
      public void saveFromResponse(okhttp3.HttpUrl url, List<okhttp3.Cookie> cookies) {
        saved.addAll(cookies);
      }

      @Override
      public List<okhttp3.Cookie> loadForRequest(okhttp3.HttpUrl url) {
        return List.of(
            new okhttp3.Cookie.Builder()
                .name("pref")
                .value("dark")
                .hostOnlyDomain(url.host())
                .build(),
            new okhttp3.Cookie.Builder()
                .name("IBAPI_SESSID")
                .value("stale")
                .hostOnlyDomain(url.host())
                .build());
      }
    };
    client = TokenTestSupport.client(
        server.url("/").toString(),
        clock,
        TokenTestSupport.xandr().cookie("IBAPI_SESSID").build(),
        events,
        new okhttp3.OkHttpClient.Builder().cookieJar(userJar).build());
    fake.call = request -> {
      String cookie = request.getHeaders().get("Cookie");
      return cookie.contains("pref=dark") && !cookie.contains("stale")
          ? fake.checkToken(request)
          : json(400, "{}");
    };
    assertTrue(get(client, "member").startsWith("200 "));
  }

  @Test
  void headerIsNotSentToAnotherHost() throws Exception {
    connect(TokenTestSupport.xandr().build());
    try (MockWebServer other = new MockWebServer()) {
      other.enqueue(new MockResponse.Builder().body("hi").build());
      other.start();
      client
          .okHttpClient()
          .newCall(new Request.Builder().url(other.url("/x")).build())
          .execute()
          .close();
      assertNull(other.takeRequest().getHeaders().get("Authorization"));
      assertEquals(0, fake.logins.get());
    }
  }

  @Test
  void sessionGoneLogsInAgainAndReplaysOnce() throws Exception {
    connect(TokenTestSupport.xandr().build());
    get(client, "member");
    fake.valid.clear();
    assertTrue(get(client, "member").startsWith("200 "));
    assertEquals(2, fake.logins.get());
    assertEquals(1, count(events, AuthEvent.Type.REJECTED));
    assertEquals(1, count(events, AuthEvent.Type.RENEWED));
  }

  @Test
  void noauthWithHttp200IsSessionGoneToo() throws Exception {
    connect(TokenTestSupport.xandr().build());
    get(client, "member");
    fake.call = request -> "tok1".equals(FakeXandr.tokenOf(request))
        ? json(200, FakeXandr.NOAUTH)
        : fake.checkToken(request);
    assertEquals("200 {\"response\":{\"status\":\"OK\",\"members\":[]}}", get(client, "member"));
    assertEquals(2, fake.logins.get());
  }

  @Test
  void refusedAgainAfterFreshLoginEndsTypedWithoutLooping() throws Exception {
    connect(TokenTestSupport.xandr().build());
    get(client, "member"); // a session the server accepted once, then refuses forever
    fake.call = request -> json(401, FakeXandr.NOAUTH);
    assertThrows(
        dev.latchkey.runtime.AuthenticationFailedException.class, () -> get(client, "member"));
    assertEquals(2, fake.logins.get());
    assertEquals(3, fake.calls.get());
  }

  @Test
  void forbiddenIsAccessDeniedWithoutRelogin() throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.call = request ->
        json(401, "{\"response\":{\"error_id\":\"UNAUTH\",\"error\":\"no permission\"}}");
    assertThrows(AccessDeniedException.class, () -> get(client, "member"));
    assertEquals(1, fake.logins.get());
  }

  @Test
  void terminalAnswerOnAnOrdinaryCallIsAccountUnusable() throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.call = request -> json(401, "{\"response\":{\"error_id\":\"NOAUTH_DISABLED\"}}");
    AccountUnusableException e =
        assertThrows(AccountUnusableException.class, () -> get(client, "member"));
    assertEquals("NOAUTH_DISABLED", e.reason());
    assertEquals(1, fake.logins.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NOAUTH_DISABLED", "NOAUTH_EXPIRED"})
  void terminalLoginAnswersAreAccountUnusableAndNotRetried(String errorId) throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.login = request -> json(401, "{\"response\":{\"error_id\":\"" + errorId + "\"}}");
    AccountUnusableException first =
        assertThrows(AccountUnusableException.class, () -> get(client, "member"));
    assertEquals(errorId, first.reason());
    AccountUnusableException again =
        assertThrows(AccountUnusableException.class, () -> get(client, "member"));
    assertEquals(errorId, again.reason());
    assertEquals(1, fake.loginTimes().size());
  }

  @Test
  void badPasswordFailsFastUntilTheBackoffEnds() throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.login = request -> json(401, FakeXandr.NOAUTH);
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> get(client, "member"));
    assertFalse(e.getMessage().contains(PASSWORD));
    assertThrows(AuthenticationFailedException.class, () -> get(client, "member"));
    assertEquals(1, fake.loginTimes().size());
    assertEquals(1, count(events, AuthEvent.Type.LOGIN_FAILED));

    clock.advance(Duration.ofMinutes(5));
    fake.login = fake::okLogin;
    assertTrue(get(client, "member").startsWith("200 "));
    assertEquals(2, fake.loginTimes().size());
  }

  @Test
  void server429RetryAfterBlocksLoginsUntilThen() throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.login = request -> new MockResponse.Builder()
        .code(429)
        .addHeader("Retry-After", "120")
        .body("{\"response\":{\"error_id\":\"SYSTEM\",\"error_code\":\"RATE_EXCEEDED\"}}")
        .build();
    Instant start = clock.instant();
    LoginThrottledException e =
        assertThrows(LoginThrottledException.class, () -> get(client, "member"));
    assertEquals(start.plusSeconds(120), e.nextLoginAllowed());
    clock.advance(Duration.ofSeconds(119));
    assertThrows(LoginThrottledException.class, () -> get(client, "member"));
    assertEquals(1, fake.loginTimes().size());
    assertTrue(count(events, AuthEvent.Type.THROTTLED) >= 2);

    clock.advance(Duration.ofSeconds(1));
    fake.login = fake::okLogin;
    assertTrue(get(client, "member").startsWith("200 "));
  }

  @Test
  void throttleCodeInBodyIsHonoured() throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.login = request ->
        json(200, "{\"response\":{\"error_id\":\"SYSTEM\",\"error_code\":\"RATE_EXCEEDED\"}}");
    LoginThrottledException e =
        assertThrows(LoginThrottledException.class, () -> get(client, "member"));
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), e.nextLoginAllowed());
    assertThrows(LoginThrottledException.class, () -> get(client, "member"));
    assertEquals(1, fake.loginTimes().size());
  }

  @Test
  void legacy405IsAThrottle() throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.login = request -> json(405, "{}");
    assertThrows(LoginThrottledException.class, () -> get(client, "member"));
  }

  @Test
  void loginAnswerWithoutTokenIsUnexpected() throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.login = request -> json(200, "{\"response\":{\"status\":\"OK\"}}");
    UnexpectedAnswerException e =
        assertThrows(UnexpectedAnswerException.class, () -> get(client, "member"));
    assertTrue(e.getMessage().contains("/response/token"), e.getMessage());
  }

  @Test
  void garbageLoginAnswerIsUnexpected() throws Exception {
    connect(TokenTestSupport.xandr().build());
    fake.login = request -> json(200, "<html>Service Unavailable");
    assertThrows(UnexpectedAnswerException.class, () -> get(client, "member"));
    fake.login = request -> json(200, "{\"response\": {\"token\": ");
    assertThrows(UnexpectedAnswerException.class, () -> get(client, "member"));
  }

  @Test
  void oneShotBodyIsNotReplayed() throws Exception {
    connect(TokenTestSupport.xandr().build());
    get(client, "member");
    fake.valid.clear();
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/json");
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("{}");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
    Request post = new Request.Builder()
        .url(client.baseUrl().resolve("member"))
        .post(oneShot)
        .build();
    assertThrows(
        ReplayRefusedException.class, () -> client.okHttpClient().newCall(post).execute());
    assertEquals(1, fake.logins.get());
    assertTrue(get(client, "member").startsWith("200 "), "next call logs in first");
    assertEquals(2, fake.logins.get());
  }

  @Test
  void renewsProactivelyBeforeIdleAndHardLifetimesEnd() throws Exception {
    connect(TokenTestSupport.xandr().build());
    get(client, "member");
    clock.advance(Duration.ofMinutes(118));
    get(client, "member");
    assertEquals(1, fake.logins.get(), "still 2 minutes of idle time left");
    clock.advance(Duration.ofMinutes(119).plusSeconds(1));
    fake.valid.clear(); // the server would have expired it: the client must not even try it
    assertTrue(get(client, "member").startsWith("200 "));
    assertEquals(2, fake.logins.get());
    assertEquals(0, count(events, AuthEvent.Type.REJECTED));

    for (int i = 0; i < 13; i++) { // busy for 26 hours: the hard lifetime forces one renewal
      clock.advance(Duration.ofHours(2).minusMinutes(5));
      get(client, "member");
    }
    assertEquals(3, fake.logins.get());
    assertEquals(0, count(events, AuthEvent.Type.REJECTED));
  }

  @Test
  void secretsStayOutOfToStringAndEvents() throws Exception {
    TokenScheme scheme = TokenTestSupport.xandr().build();
    connect(scheme);
    get(client, "member");
    assertFalse(scheme.toString().contains(PASSWORD));
    assertFalse(client.toString().contains("tok1"));
    for (AuthEvent event : events) {
      assertFalse(
          event.detail().contains("tok1") || event.detail().contains(PASSWORD), event.toString());
    }
  }

  @Test
  void badConfigurationNamesTheSetter() {
    LatchkeyConfigException twoSources = assertThrows(
        LatchkeyConfigException.class,
        () -> TokenTestSupport.xandr().tokenHeader("X-Subject-Token").build());
    assertTrue(twoSources.getMessage().contains("tokenPointer"));
    LatchkeyConfigException badFormat = assertThrows(
        LatchkeyConfigException.class,
        () -> TokenTestSupport.xandr().header("Authorization", "Bearer").build());
    assertTrue(badFormat.getMessage().contains("{token}"));
    LatchkeyConfigException badPointer = assertThrows(
        LatchkeyConfigException.class,
        () -> TokenTestSupport.xandr().tokenPointer("response.token").build());
    assertTrue(badPointer.getMessage().contains("tokenPointer"));
  }
}
