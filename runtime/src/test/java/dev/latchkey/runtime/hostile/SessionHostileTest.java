package dev.latchkey.runtime.hostile;

import static dev.latchkey.runtime.hostile.Hostile.fails;
import static dev.latchkey.runtime.hostile.Hostile.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AccessDeniedException;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.RateLimitedException;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.header.HeaderScheme;
import dev.latchkey.runtime.token.TokenScheme;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session engine, for both kinds that run on it (token login, Xandr-shaped; header sessions,
 * MediaSilo-shaped), against servers that refuse, lie, drip and reset. One suite: every case runs
 * over every kind unless it is about a feature only one kind declares (rate limits).
 */
class SessionHostileTest {
  static final String PASSWORD = "Hostile-Pa55word!";
  static final String API_KEY = "ms-api-key-0123456789";
  private static final AtomicInteger TOKENS = new AtomicInteger();

  /** A session kind: its scheme, where it logs in, how its answers look. */
  enum Shape {
    TOKEN("/api/", "member", "/auth", "Authorization"),
    HEADER("/v3/", "me", "/session", "MediaSiloSessionKey");

    final String basePath;
    final String callPath;
    final String loginPath;
    final String carrier;

    Shape(String basePath, String callPath, String loginPath, String carrier) {
      this.basePath = basePath;
      this.callPath = callPath;
      this.loginPath = loginPath;
      this.carrier = carrier;
    }

    AuthScheme scheme() {
      return this == TOKEN ? xandr().build() : mediaSilo().build();
    }

    boolean isLogin(RecordedRequest request) {
      return request.getMethod().equals("POST")
          && request.getUrl().encodedPath().endsWith(loginPath);
    }

    /** A login answer with {@code value} (raw JSON) where the token goes. */
    String answer(String value) {
      return this == TOKEN
          ? "{\"response\":{\"status\":\"OK\",\"token\":" + value + "}}"
          : "{\"id\":" + value + "}";
    }

    /** Hands out tokens, accepts any token it handed out (by prefix), refuses the rest. */
    MockResponse sane(RecordedRequest request) {
      if (isLogin(request)) {
        return json(200, answer("\"tok-" + TOKENS.incrementAndGet() + "\""));
      }
      String token = request.getHeaders().get(carrier);
      return token != null && token.startsWith("tok-")
          ? json(200, "{\"response\":{\"status\":\"OK\"}}")
          : json(401, "{\"response\":{\"error_id\":\"NOAUTH\"}}");
    }

    void rawSane(String head, Socket socket) throws IOException {
      if (head.startsWith("POST ")) {
        RawServer.answer(socket, 200, "", answer("\"tok-raw\""));
      } else {
        RawServer.answer(
            socket, head.contains("\r\n" + carrier + ": tok-raw") ? 200 : 401, "", "{}");
      }
    }
  }

  static TokenScheme.Builder xandr() {
    return TokenScheme.builder()
        .loginPath("auth")
        .usernameField("/auth/username")
        .passwordField("/auth/password")
        .tokenPointer("/response/token")
        .header("Authorization", "{token}")
        .idleLifetime(Duration.ofHours(2))
        .hardLifetime(Duration.ofHours(24))
        .sessionGoneStatus(401)
        .errorPointer("/response/error_id")
        .sessionGoneErrors("NOAUTH")
        .badCredentialErrors("NOAUTH")
        .terminalErrors("NOAUTH_DISABLED", "NOAUTH_EXPIRED")
        .forbiddenErrors("UNAUTH")
        .loginLimit(10, Duration.ofMinutes(5))
        .throttleCodePointer("/response/error_code")
        .throttleCodes("RATE_EXCEEDED")
        .credentials(() -> new UserPassword("alice", PASSWORD));
  }

  static HeaderScheme.Builder mediaSilo() {
    return HeaderScheme.builder()
        .header("MediaSiloHostContext", "hostContext", false, "acme")
        .header("MediaSiloApiKey", "apiKey", true, API_KEY)
        .session(
            "session",
            "/userName",
            "/password",
            "/id",
            "MediaSiloSessionKey",
            Duration.ofMinutes(60),
            "session/{key}")
        .sessionBodyField("/accountName", "hostContext")
        .maxRateLimitWait(Duration.ofSeconds(1))
        .credentials(() -> new UserPassword("carol", PASSWORD));
  }

  static MockResponse json(int code, String body) {
    // Xandr labels its JSON text/html: the engine must read it whatever the label
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "text/html")
        .body(body)
        .build();
  }

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private Shape shape;
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

  private Hostile.Phases serve(Shape shape, Function<RecordedRequest, MockResponse> hostile)
      throws IOException {
    this.shape = shape;
    Hostile.Phases phases = new Hostile.Phases(hostile, shape::sane);
    server = new MockWebServer();
    server.setDispatcher(phases);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = client(server.url(shape.basePath), Hostile.baseClient());
    return phases;
  }

  private void serveRaw(Shape shape, RawServer.Handler hostile, AtomicBoolean on)
      throws IOException {
    this.shape = shape;
    raw = new RawServer((index, head, socket) -> {
      if (on.get()) {
        hostile.handle(index, head, socket);
      } else {
        shape.rawSane(head, socket);
      }
    });
    client = client(raw.url(shape.basePath.substring(1)), Hostile.baseClient());
  }

  private LatchkeyClient client(HttpUrl base, OkHttpClient okHttp) {
    return LatchkeyClient.builder(shape.name())
        .baseUrl(base.toString())
        .clock(clock)
        .okHttpClient(okHttp)
        .auth(shape.scheme())
        .build();
  }

  private int get() throws IOException {
    Request request =
        new Request.Builder().url(client.baseUrl().resolve(shape.callPath)).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      response.body().string();
      return response.code();
    }
  }

  private void assertUsable(Hostile.Phases phases) throws IOException {
    clock.advance(Duration.ofMinutes(10)); // past the bad-password back-off and any throttle
    phases.sane();
    assertEquals(200, within(this::get), "the client is usable after the hostile answers");
    assertTrue(
        phases.saneRequests() <= 3, "sane call took " + phases.saneRequests() + " exchanges");
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void freshSessionRefusedAtOnceIsOneFailureAfterOneLogin(Shape shape) throws IOException {
    Hostile.Phases phases = serve(
        shape,
        request -> shape.isLogin(request)
            ? shape.sane(request)
            : json(401, "{\"response\":{\"error_id\":\"NOAUTH\"}}"));
    // A session the server never accepted is not renewed: another would be refused the same way.
    fails(AuthenticationFailedException.class, this::get);
    assertEquals(2, phases.hostileRequests(), "login, call");
    assertUsable(phases);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void provenSessionRefusedForeverIsRenewedOnceThenFails(Shape shape) throws IOException {
    Hostile.Phases phases = serve(shape, shape::sane);
    phases.sane();
    assertEquals(200, within(this::get));
    phases.hostile(request -> shape.isLogin(request) ? shape.sane(request) : json(401, "{}"));
    fails(AuthenticationFailedException.class, this::get);
    assertEquals(3, phases.hostileRequests(), "call, one new login, one replay");
    assertUsable(phases);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void unauthorizedForeverOnLoginIsTerminalAfterOneRequest(Shape shape) throws IOException {
    Hostile.Phases phases = serve(shape, request -> json(401, ""));
    fails(AuthenticationFailedException.class, this::get);
    fails(AuthenticationFailedException.class, this::get); // fails fast: no second login
    assertEquals(1, phases.hostileRequests());
    assertUsable(phases);
  }

  /** A server may quote the password back on a refused login; messages never carry it. */
  @ParameterizedTest
  @EnumSource(Shape.class)
  void aServerEchoingThePasswordNeverGetsItIntoAMessage(Shape shape) throws IOException {
    serve(
        shape,
        request -> shape.isLogin(request)
            ? json(
                401,
                "{\"message\":\"wrong password " + PASSWORD + "\",\"echo\":"
                    + quoted(request.getBody().utf8()) + "}")
            : shape.sane(request));
    AuthenticationFailedException e = fails(AuthenticationFailedException.class, this::get);
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    assertTrue(e.getMessage().contains("wrong password ██"), e.getMessage());
  }

  private static String quoted(String text) {
    return "\""
        + new String(
            com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text))
        + "\"";
  }

  static Stream<Arguments> brokenLoginAnswers() {
    List<Arguments> cases = new ArrayList<>();
    for (Shape shape : Shape.values()) {
      Stream.of(
              Arguments.of(
                  shape,
                  "200 and no token",
                  200,
                  shape == Shape.TOKEN
                      ? "{\"response\":{\"status\":\"OK\"}}"
                      : "{\"session\":\"x\"}"),
              Arguments.of(shape, "token is an object", 200, shape.answer("{\"a\":1}")),
              Arguments.of(shape, "token is blank", 200, shape.answer("\"  \"")),
              Arguments.of(shape, "token is null", 200, shape.answer("null")),
              Arguments.of(shape, "garbage", 200, "\u0000\u0001\u0002 <html>"),
              Arguments.of(shape, "truncated", 200, shape.answer("\"tok-").replace("}", "")),
              Arguments.of(shape, "json array", 200, "[1,2,3]"),
              Arguments.of(shape, "deeply nested", 200, "{\"a\":".repeat(5000)),
              Arguments.of(shape, "deeply nested arrays", 200, "[".repeat(100_000)),
              Arguments.of(shape, "huge", 200, shape.answer("\"" + "t".repeat(2_000_000) + "\"")),
              Arguments.of(shape, "500 with garbage", 500, "<<<"),
              Arguments.of(shape, "empty body", 200, ""))
          .forEach(cases::add);
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("brokenLoginAnswers")
  void brokenLoginAnswerIsOneTypedFailure(Shape shape, String what, int code, String body)
      throws IOException {
    Hostile.Phases phases =
        serve(shape, request -> shape.isLogin(request) ? json(code, body) : shape.sane(request));
    UnexpectedAnswerException e = fails(UnexpectedAnswerException.class, this::get);
    assertTrue(e.getMessage().length() < 500, "message length " + e.getMessage().length());
    assertEquals(1, phases.hostileRequests(), what);
    assertUsable(phases);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void tokenWithCharactersAHeaderCannotCarryIsTyped(Shape shape) throws IOException {
    Hostile.Phases phases = serve(
        shape,
        request -> shape.isLogin(request)
            ? json(200, shape.answer("\"tok-\\u0001\\r\\nX-Evil: 1\""))
            : shape.sane(request));
    LatchkeyException e = fails(LatchkeyException.class, this::get);
    assertFalse(e.getMessage().contains("Evil"), e.getMessage());
    assertEquals(1, phases.hostileRequests());
    assertUsable(phases);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void absurdRetryAfterOnLoginIsAThrottleNotAnOverflow(Shape shape) throws IOException {
    Hostile.Phases phases = serve(
        shape,
        request -> new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "99999999999999999")
            .body("{}")
            .build());
    LoginThrottledException e = fails(LoginThrottledException.class, this::get);
    assertTrue(
        e.nextLoginAllowed().isBefore(clock.instant().plus(Duration.ofDays(2))),
        "capped wait, got " + e.nextLoginAllowed());
    fails(LoginThrottledException.class, this::get); // the server's block holds: no second login
    assertEquals(1, phases.hostileRequests());
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    assertUsable(phases);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void hugeHeadersAndBodiesDoNotDisturbTheEngine(Shape shape) throws IOException {
    Hostile.Phases phases = serve(
        shape,
        request -> shape.isLogin(request)
            ? new MockResponse.Builder()
                .code(200)
                .addHeader("X-Junk", "j".repeat(100_000))
                .body(shape.answer("\"tok-big\""))
                .build()
            : json(
                200,
                "{\"response\":{\"status\":\"OK\",\"blob\":\"" + "b".repeat(1_000_000) + "\"}}"));
    assertEquals(200, within(this::get));
    assertEquals(2, phases.hostileRequests());
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void loginDrippedForeverEndsAtTheCallTimeout(Shape shape) throws IOException {
    AtomicBoolean hostile = new AtomicBoolean(true);
    serveRaw(
        shape,
        (index, head, socket) ->
            RawServer.drip(socket, 200, "Content-Type: application/json\r\n", 300),
        hostile);
    fails(InterruptedIOException.class, this::get);
    assertEquals(1, raw.requestCount());
    hostile.set(false);
    assertEquals(200, within(this::get));
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void connectionResetDuringLoginIsATransportFailure(Shape shape) throws IOException {
    AtomicBoolean hostile = new AtomicBoolean(true);
    serveRaw(
        shape,
        (index, head, socket) -> RawServer.reset(
            socket, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"response\":{\"tok"),
        hostile);
    IOException e = fails(IOException.class, this::get);
    assertTrue(raw.requestCount() <= 2, "requests " + raw.requestCount() + " after " + e);
    hostile.set(false);
    assertEquals(200, within(this::get));
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void theLoginBodyIsWipedOnceTheLoginIsOver(Shape shape) throws IOException {
    List<RequestBody> bodies = new CopyOnWriteArrayList<>();
    serve(shape, shape::sane);
    client.close();
    client = client(
        server.url(shape.basePath),
        Hostile.baseClient()
            .newBuilder()
            .addNetworkInterceptor(chain -> {
              if (chain.request().body() != null) {
                bodies.add(chain.request().body());
              }
              return chain.proceed(chain.request());
            })
            .build());
    assertEquals(200, within(this::get));
    assertEquals(1, bodies.size(), "one login body");
    okio.Buffer after = new okio.Buffer();
    bodies.get(0).writeTo(after);
    String text = after.readString(StandardCharsets.ISO_8859_1);
    assertFalse(text.contains(PASSWORD), "the password is still in the login body");
    assertTrue(text.chars().allMatch(c -> c == 0), "wiped to zeros");
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void concurrentCallsAgainstABrokenLoginAllEndTypedAndBounded(Shape shape) throws Exception {
    AtomicInteger logins = new AtomicInteger();
    Hostile.Phases phases = serve(shape, request -> {
      if (shape.isLogin(request)) {
        logins.incrementAndGet();
        return json(200, "{\"response\":{\"status\":\"OK\"}}");
      }
      return shape.sane(request);
    });
    int threads = 16;
    int callsEach = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
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
      for (Future<Integer> result : results) {
        typed += result.get(Hostile.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
      }
      assertEquals(threads * callsEach, typed, "every call ended in UnexpectedAnswerException");
      assertTrue(
          logins.get() <= threads * callsEach,
          "logins " + logins.get() + " for " + threads * callsEach + " calls");
      assertEquals(logins.get(), phases.hostileRequests(), "no call went out without a token");
    } finally {
      pool.shutdownNow();
    }
    assertUsable(phases);
  }

  // Rate limits of ordinary calls: only header sessions declare them (MediaSilo's 429 and 420).

  @ParameterizedTest
  @EnumSource(value = Shape.class, names = "HEADER")
  void aForbiddenAnswerEchoingThePasswordIsAccessDeniedWithoutIt(Shape shape) throws IOException {
    serve(
        shape,
        request -> shape.isLogin(request)
            ? shape.sane(request)
            : json(403, "{\"message\":\"wrong password " + PASSWORD + "\"}"));
    AccessDeniedException denied = fails(AccessDeniedException.class, this::get);
    assertFalse(denied.getMessage().contains(PASSWORD), denied.getMessage());
    assertTrue(denied.getMessage().contains("wrong password ██"), denied.getMessage());
  }

  /**
   * Found by fuzzing: the replay with the new session is rate limited, the one retry after the
   * wait is refused again. That retry must not log in a second time in one call.
   */
  @ParameterizedTest
  @EnumSource(value = Shape.class, names = "HEADER")
  void rateLimitBetweenTwoRefusalsStillRenewsOnlyOnce(Shape shape) throws IOException {
    Hostile.Phases phases = serve(shape, shape::sane);
    phases.sane();
    assertEquals(200, within(this::get));
    AtomicInteger gets = new AtomicInteger();
    phases.hostile(request -> {
      if (shape.isLogin(request)) {
        return shape.sane(request);
      }
      return gets.incrementAndGet() == 2
          ? new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build()
          : json(401, "{}");
    });
    fails(AuthenticationFailedException.class, this::get);
    assertEquals(4, phases.hostileRequests(), "call, one new session, replay (429), one retry");
    assertUsable(phases);
  }

  @ParameterizedTest
  @EnumSource(value = Shape.class, names = "HEADER")
  void rateLimitedForeverWaitsOnceThenFails(Shape shape) throws IOException {
    Hostile.Phases phases = serve(
        shape,
        request -> shape.isLogin(request)
            ? shape.sane(request)
            : new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
    fails(RateLimitedException.class, this::get);
    assertEquals(3, phases.hostileRequests(), "login, call, one retry after the wait");
    assertUsable(phases);
  }

  @ParameterizedTest
  @EnumSource(value = Shape.class, names = "HEADER")
  void absurdRetryAfterIsNotWaitedOut(Shape shape) throws IOException {
    Hostile.Phases phases = serve(
        shape,
        request -> shape.isLogin(request)
            ? shape.sane(request)
            : new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "9".repeat(40))
                .build());
    fails(RateLimitedException.class, this::get);
    assertEquals(2, phases.hostileRequests());
    assertUsable(phases);
  }
}
