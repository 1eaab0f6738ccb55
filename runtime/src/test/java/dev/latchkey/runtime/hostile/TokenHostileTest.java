package dev.latchkey.runtime.hostile;

import static dev.latchkey.runtime.hostile.Hostile.fails;
import static dev.latchkey.runtime.hostile.Hostile.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.token.TokenScheme;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The token-login engine (Xandr-shaped) against servers that refuse, lie, drip and reset. */
class TokenHostileTest {
  static final String PASSWORD = "Xandr-Pa55word!";
  private static final AtomicInteger TOKENS = new AtomicInteger();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private MockWebServer server;
  private RawServer raw;
  private LatchkeyClient client;

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    if (raw != null) {
      raw.close();
    }
  }

  static TokenScheme.Builder xandr() {
    return TokenScheme.builder()
        .loginPath("auth").usernameField("/auth/username").passwordField("/auth/password")
        .tokenPointer("/response/token").header("Authorization", "{token}")
        .idleLifetime(Duration.ofHours(2)).hardLifetime(Duration.ofHours(24))
        .sessionGoneStatus(401).errorPointer("/response/error_id")
        .sessionGoneErrors("NOAUTH").badCredentialErrors("NOAUTH")
        .terminalErrors("NOAUTH_DISABLED", "NOAUTH_EXPIRED").forbiddenErrors("UNAUTH")
        .loginLimit(10, Duration.ofMinutes(5))
        .throttleCodePointer("/response/error_code").throttleCodes("RATE_EXCEEDED")
        .credentials(() -> new UserPassword("alice", PASSWORD));
  }

  static boolean isLogin(RecordedRequest request) {
    return request.getUrl().encodedPath().endsWith("/auth");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html").body(body)
        .build();
  }

  /** Hands out tokens, accepts any token it handed out (by prefix), refuses the rest. */
  static MockResponse sane(RecordedRequest request) {
    if (isLogin(request)) {
      return json(200, "{\"response\":{\"status\":\"OK\",\"token\":\"tok-"
          + TOKENS.incrementAndGet() + "\"}}");
    }
    String token = request.getHeaders().get("Authorization");
    return token != null && token.startsWith("tok-")
        ? json(200, "{\"response\":{\"status\":\"OK\"}}")
        : json(401, "{\"response\":{\"error_id\":\"NOAUTH\"}}");
  }

  private Hostile.Phases serve(Function<RecordedRequest, MockResponse> hostile) throws IOException {
    Hostile.Phases phases = new Hostile.Phases(hostile, TokenHostileTest::sane);
    server = new MockWebServer();
    server.setDispatcher(phases);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = client(server.url("/api/"));
    return phases;
  }

  private LatchkeyClient client(HttpUrl base) {
    return LatchkeyClient.builder("XandrApi").baseUrl(base.toString()).clock(clock)
        .okHttpClient(Hostile.baseClient()).auth(xandr().build()).build();
  }

  private int get() throws IOException {
    Request request = new Request.Builder().url(client.baseUrl().resolve("member")).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      response.body().string();
      return response.code();
    }
  }

  private void assertUsable(Hostile.Phases phases) throws IOException {
    clock.advance(Duration.ofMinutes(10)); // past the bad-password back-off and any throttle
    phases.sane();
    assertEquals(200, within(this::get), "the client is usable after the hostile answers");
    assertTrue(phases.saneRequests() <= 3,
        "sane call took " + phases.saneRequests() + " exchanges");
  }

  @Test
  void freshTokenRefusedAtOnceEndsAfterTwoLogins() throws IOException {
    AtomicInteger logins = new AtomicInteger();
    Hostile.Phases phases = serve(request -> {
      if (isLogin(request)) {
        logins.incrementAndGet();
        return sane(request);
      }
      return json(401, "{\"response\":{\"error_id\":\"NOAUTH\"}}");
    });
    fails(UnexpectedAnswerException.class, this::get);
    assertEquals(4, phases.hostileRequests(), "login, call, one re-login, one replay");
    assertEquals(2, logins.get());
    assertUsable(phases);
  }

  @Test
  void unauthorizedForeverOnLoginIsTerminalAfterOneRequest() throws IOException {
    Hostile.Phases phases = serve(request -> json(401, ""));
    fails(AuthenticationFailedException.class, this::get);
    fails(AuthenticationFailedException.class, this::get); // fails fast: no second login
    assertEquals(1, phases.hostileRequests());
    assertUsable(phases);
  }

  static Stream<Arguments> brokenLoginAnswers() {
    return Stream.of(
        Arguments.of("200 and no token", 200, "{\"response\":{\"status\":\"OK\"}}"),
        Arguments.of("token is an object", 200, "{\"response\":{\"token\":{\"a\":1}}}"),
        Arguments.of("token is empty", 200, "{\"response\":{\"token\":\"  \"}}"),
        Arguments.of("token is null", 200, "{\"response\":{\"token\":null}}"),
        Arguments.of("garbage", 200, "\u0000\u0001\u0002 <html>"),
        Arguments.of("truncated", 200, "{\"response\":{\"token\":\"tok-"),
        Arguments.of("json array", 200, "[1,2,3]"),
        Arguments.of("deeply nested", 200, "{\"a\":".repeat(5000)),
        Arguments.of("huge", 200, "{\"response\":{\"token\":\"" + "t".repeat(2_000_000) + "\"}}"),
        Arguments.of("500 with garbage", 500, "<<<"),
        Arguments.of("empty body", 200, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenLoginAnswers")
  void brokenLoginAnswerIsOneTypedFailure(String what, int code, String body) throws IOException {
    Hostile.Phases phases = serve(request -> isLogin(request) ? json(code, body) : sane(request));
    UnexpectedAnswerException e = fails(UnexpectedAnswerException.class, this::get);
    assertTrue(e.getMessage().length() < 500, "message length " + e.getMessage().length());
    assertEquals(1, phases.hostileRequests(), what);
    assertUsable(phases);
  }

  @Test
  void tokenWithCharactersAHeaderCannotCarryIsTyped() throws IOException {
    Hostile.Phases phases = serve(request -> isLogin(request)
        ? json(200, "{\"response\":{\"token\":\"tok-\\u0001\\n-evil\"}}")
        : sane(request));
    LatchkeyException e = fails(LatchkeyException.class, this::get);
    assertFalse(e.getMessage().contains("evil"), e.getMessage());
    assertEquals(1, phases.hostileRequests());
    assertUsable(phases);
  }

  @Test
  void absurdRetryAfterOnLoginIsAThrottleNotAnOverflow() throws IOException {
    Hostile.Phases phases = serve(request -> new MockResponse.Builder().code(429)
        .addHeader("Retry-After", "99999999999999999").body("{}").build());
    LoginThrottledException e = fails(LoginThrottledException.class, this::get);
    assertTrue(e.nextLoginAllowed().isBefore(clock.instant().plus(Duration.ofDays(2))),
        "capped wait, got " + e.nextLoginAllowed());
    assertEquals(1, phases.hostileRequests());
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    assertUsable(phases);
  }

  @Test
  void hugeHeadersAndBodyOnOrdinaryAnswersDoNotDisturbTheEngine() throws IOException {
    Hostile.Phases phases = serve(request -> isLogin(request)
        ? new MockResponse.Builder().code(200).addHeader("X-Junk", "j".repeat(100_000))
            .body("{\"response\":{\"token\":\"tok-big\"}}").build()
        : json(200, "{\"response\":{\"status\":\"OK\",\"blob\":\""
            + "b".repeat(1_000_000) + "\"}}"));
    assertEquals(200, within(this::get));
    assertEquals(2, phases.hostileRequests());
  }

  @Test
  void loginDrippedForeverEndsAtTheCallTimeout() throws IOException {
    AtomicBoolean hostile = new AtomicBoolean(true);
    raw = new RawServer((index, head, socket) -> {
      if (hostile.get()) {
        RawServer.drip(socket, 200, "Content-Type: application/json\r\n", 300);
      } else {
        rawSane(head, socket);
      }
    });
    client = client(raw.url("api/"));
    fails(InterruptedIOException.class, this::get);
    assertEquals(1, raw.requestCount());
    hostile.set(false);
    assertEquals(200, within(this::get));
  }

  @Test
  void connectionResetDuringLoginIsATransportFailure() throws IOException {
    AtomicBoolean hostile = new AtomicBoolean(true);
    raw = new RawServer((index, head, socket) -> {
      if (hostile.get()) {
        RawServer.reset(socket,
            "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"response\":{\"tok");
      } else {
        rawSane(head, socket);
      }
    });
    client = client(raw.url("api/"));
    IOException e = fails(IOException.class, this::get);
    assertTrue(raw.requestCount() <= 2, "requests " + raw.requestCount() + " after " + e);
    hostile.set(false);
    assertEquals(200, within(this::get));
  }

  @Test
  void theLoginBodyIsWipedOnceTheLoginIsOver() throws IOException {
    java.util.List<okhttp3.RequestBody> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    serve(TokenHostileTest::sane);
    client.close();
    client = LatchkeyClient.builder("XandrApi").baseUrl(server.url("/api/").toString()).clock(clock)
        .okHttpClient(Hostile.baseClient().newBuilder().addNetworkInterceptor(chain -> {
          if (chain.request().body() != null) {
            bodies.add(chain.request().body());
          }
          return chain.proceed(chain.request());
        }).build())
        .auth(xandr().build()).build();
    assertEquals(200, within(this::get));
    assertEquals(1, bodies.size(), "one login body");
    okio.Buffer after = new okio.Buffer();
    bodies.get(0).writeTo(after);
    String text = after.readString(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertFalse(text.contains(PASSWORD), "the password is still in the login body");
    assertTrue(text.chars().allMatch(c -> c == 0), "wiped to zeros");
  }

  @Test
  void concurrentCallsAgainstABrokenLoginAllEndTypedAndBounded() throws Exception {
    AtomicInteger logins = new AtomicInteger();
    Hostile.Phases phases = serve(request -> {
      if (isLogin(request)) {
        logins.incrementAndGet();
        return json(200, "{\"response\":{\"status\":\"OK\"}}");
      }
      return sane(request);
    });
    int threads = 16;
    int callsEach = 5;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          int typed = 0;
          for (int i = 0; i < callsEach; i++) {
            try {
              get();
            } catch (UnexpectedAnswerException expected) {
              typed++;
            }
          }
          return typed;
        }));
      }
      int typed = 0;
      for (java.util.concurrent.Future<Integer> result : results) {
        typed += result.get(Hostile.HANG_GUARD.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      }
      assertEquals(threads * callsEach, typed, "every call ended in UnexpectedAnswerException");
      assertTrue(logins.get() <= threads * callsEach,
          "logins " + logins.get() + " for " + threads * callsEach + " calls");
      assertEquals(logins.get(), phases.hostileRequests(), "no call went out without a token");
    } finally {
      pool.shutdownNow();
    }
    assertUsable(phases);
  }

  static void rawSane(String head, java.net.Socket socket) throws IOException {
    if (head.startsWith("POST ")) {
      RawServer.answer(socket, 200, "", "{\"response\":{\"token\":\"tok-raw\"}}");
    } else {
      RawServer.answer(socket, head.contains("\r\nAuthorization: tok-raw") ? 200 : 401, "", "{}");
    }
  }
}
