package dev.latchkey.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.SessionState;
import dev.latchkey.runtime.SessionState.Status;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.header.HeaderScheme;
import dev.latchkey.runtime.token.TokenScheme;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link LatchkeyClient#sessionState()} of the one session engine, for both kinds that run on it
 * (token login, Xandr-shaped; header sessions, MediaSilo-shaped), and the duration on the event
 * that ends a login. Every state is read from memory: the tests count the server's requests.
 */
class SessionStateTest {
  private static final String PASSWORD = "State-Pa55word!";

  /** A session kind: its scheme, where it logs in, where it calls, how its token travels. */
  enum Kind {
    TOKEN("/api/", "member", "/auth", "Authorization", Duration.ofHours(2)),
    HEADER("/v3/", "me", "/session", "MediaSiloSessionKey", Duration.ofMinutes(60));

    final String basePath;
    final String callPath;
    final String loginPath;
    final String carrier;
    final Duration idle;

    Kind(String basePath, String callPath, String loginPath, String carrier, Duration idle) {
      this.basePath = basePath;
      this.callPath = callPath;
      this.loginPath = loginPath;
      this.carrier = carrier;
      this.idle = idle;
    }

    AuthScheme scheme() {
      return this == TOKEN ? xandr().build() : mediaSilo().build();
    }

    boolean isLogin(RecordedRequest request) {
      return request.getMethod().equals("POST")
          && request.getUrl().encodedPath().endsWith(loginPath);
    }

    /** A login answer carrying {@code token}. */
    String answer(String token) {
      return this == TOKEN
          ? "{\"response\":{\"status\":\"OK\",\"token\":\"" + token + "\"}}"
          : "{\"id\":\"" + token + "\"}";
    }
  }

  static TokenScheme.Builder xandr() {
    return TokenScheme.builder()
        .loginPath("auth")
        .usernameField("/auth/username")
        .passwordField("/auth/password")
        .tokenPointer("/response/token")
        .header("Authorization", "{token}")
        .idleLifetime(Kind.TOKEN.idle)
        .hardLifetime(Duration.ofHours(24))
        .sessionGoneStatus(401)
        .errorPointer("/response/error_id")
        .sessionGoneErrors("NOAUTH")
        .badCredentialErrors("NOAUTH")
        .credentials(() -> new UserPassword("alice", PASSWORD));
  }

  static HeaderScheme.Builder mediaSilo() {
    return HeaderScheme.builder()
        .header("MediaSiloHostContext", "hostContext", false, "acme")
        .session(
            "session", "/userName", "/password", "/id", "MediaSiloSessionKey", Kind.HEADER.idle, "")
        .credentials(() -> new UserPassword("carol", PASSWORD));
  }

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private final List<AuthEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger tokens = new AtomicInteger();
  private final MockWebServer server = new MockWebServer();
  /** What the server answers to a login; by default a fresh token. */
  private volatile Function<RecordedRequest, MockResponse> login;
  /** Whether the server accepts the tokens it handed out. */
  private volatile boolean acceptTokens = true;

  private Kind kind;
  private LatchkeyClient client;

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private void serve(Kind kind, AuthScheme scheme) throws IOException {
    this.kind = kind;
    login = request -> json(200, kind.answer("tok-" + tokens.incrementAndGet()));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (kind.isLogin(request)) {
          logins.incrementAndGet();
          return login.apply(request);
        }
        String token = request.getHeaders().get(kind.carrier);
        String basic = request.getHeaders().get("Authorization");
        return acceptTokens
                && ((token != null && token.startsWith("tok-"))
                    || (basic != null && basic.startsWith("Basic ")))
            ? json(200, "{\"response\":{\"status\":\"OK\"}}")
            : json(401, "{\"response\":{\"error_id\":\"NOAUTH\"}}");
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = LatchkeyClient.builder(kind.name() + "Api")
        .baseUrl(server.url(kind.basePath).toString())
        .clock(clock)
        .eventListener(events::add)
        .okHttpClient(
            new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build())
        .auth(scheme)
        .build();
  }

  private void serve(Kind kind) throws IOException {
    serve(kind, kind.scheme());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private int get() throws IOException {
    Request request =
        new Request.Builder().url(client.baseUrl().resolve(kind.callPath)).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      response.body().string();
      return response.code();
    }
  }

  private Status status() {
    return client.sessionState().status();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void noneThenLiveUntilIdleThenNoneThenClosed(Kind kind) throws IOException {
    serve(kind);
    SessionState none = client.sessionState();
    assertEquals(Status.NONE, none.status());
    assertEquals("no session yet", none.detail());
    assertEquals(200, get());
    SessionState live = client.sessionState();
    assertEquals(Status.LIVE, live.status());
    // the idle lifetime from the last use, less the engine's margin (a tenth, at most a minute)
    assertEquals(clock.instant().plus(kind.idle).minusSeconds(60), live.until());
    assertEquals("generation 1", live.detail());
    clock.advance(kind.idle);
    assertEquals(Status.NONE, status());
    client.close();
    assertEquals(Status.CLOSED, status());
    assertEquals(1, logins.get(), "the state was read without a login");
    assertEquals(2, server.getRequestCount(), "the state was read without a call");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRefusedPasswordIsReportedUntilTheBackoffEnds(Kind kind) throws IOException {
    serve(kind);
    login = request -> json(401, "{\"response\":{\"error_id\":\"NOAUTH\"}}");
    assertThrows(AuthenticationFailedException.class, this::get);
    SessionState refused = client.sessionState();
    assertEquals(Status.REFUSED, refused.status());
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), refused.until());
    assertTrue(refused.detail().contains("AuthenticationFailedException"), refused.detail());
    assertTrue(!refused.detail().contains(PASSWORD));
    clock.advance(Duration.ofMinutes(5));
    assertEquals(Status.NONE, status());
    assertEquals(1, logins.get());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aServerThrottleIsReportedWithItsEnd(Kind kind) throws IOException {
    serve(kind);
    login = request -> new MockResponse.Builder()
        .code(429)
        .addHeader("Retry-After", "300")
        .body("{}")
        .build();
    assertThrows(LoginThrottledException.class, this::get);
    SessionState throttled = client.sessionState();
    assertEquals(Status.THROTTLED, throttled.status());
    assertEquals(clock.instant().plusSeconds(300), throttled.until());
    assertEquals("login throttled", throttled.detail());
    clock.advance(Duration.ofSeconds(300));
    assertEquals(Status.NONE, status());
  }

  /** Token only: the header kind declares no login budget. */
  @Test
  void aSpentLoginBudgetIsReportedUntilTheOldestLoginLeavesTheWindow() throws IOException {
    serve(
        Kind.TOKEN,
        xandr()
            .idleLifetime(Duration.ofMinutes(2))
            .loginLimit(1, Duration.ofMinutes(5))
            .build());
    Instant firstLogin = clock.instant();
    assertEquals(200, get());
    clock.advance(
        Duration.ofMinutes(2)); // the session sat idle too long; the budget is still spent
    SessionState spent = client.sessionState();
    assertEquals(Status.THROTTLED, spent.status());
    assertEquals(firstLogin.plus(Duration.ofMinutes(5)), spent.until());
    assertEquals("login budget spent", spent.detail());
    assertThrows(LoginThrottledException.class, this::get); // what the state foretold
    assertEquals(Status.THROTTLED, status());
    assertEquals(firstLogin.plus(Duration.ofMinutes(5)), client.sessionState().until());
    clock.advance(Duration.ofMinutes(3));
    assertEquals(Status.NONE, status());
    assertEquals(1, logins.get());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aLoginInFlightIsRenewing(Kind kind) throws Exception {
    serve(kind);
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<RecordedRequest, MockResponse> sane = login;
    login = request -> {
      arrived.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return sane.apply(request);
    };
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> call = caller.submit(this::get);
      assertTrue(arrived.await(10, TimeUnit.SECONDS));
      assertEquals(Status.RENEWING, status()); // answered while the login holds the flight
      release.countDown();
      assertEquals(200, call.get(10, TimeUnit.SECONDS));
    } finally {
      release.countDown();
      caller.shutdownNow();
    }
    assertEquals(Status.LIVE, status());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void readsDuringConcurrentCallsNeverFailAndEndLiveAfterOneLogin(Kind kind) throws Exception {
    serve(kind);
    Set<Status> possible = EnumSet.of(Status.NONE, Status.RENEWING, Status.LIVE);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        boolean reader = i % 2 == 1;
        work.add(pool.submit(() -> {
          for (int j = 0; j < 25; j++) {
            if (reader) {
              Status seen = status(); // from memory, never waits for the login
              assertTrue(possible.contains(seen), seen.toString());
            } else {
              assertEquals(200, get());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(Status.LIVE, status());
    assertEquals(1, logins.get(), "one login for every caller");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theLoginEventNamesTheClientAndCarriesTheLoginsDuration(Kind kind) throws IOException {
    serve(kind);
    Function<RecordedRequest, MockResponse> sane = login;
    login = request -> {
      clock.advance(Duration.ofMillis(1500)); // the login takes 1.5 s by the client's clock
      return sane.apply(request);
    };
    assertEquals(200, get());
    AuthEvent ok = only(AuthEvent.Type.LOGIN);
    assertEquals(kind.name() + "Api", ok.client());
    assertEquals(Duration.ofMillis(1500), ok.duration());
    assertTrue(
        events.stream().filter(e -> e != ok).noneMatch(AuthEvent::hasDuration), events.toString());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFailedLoginCarriesItsDurationToo(Kind kind) throws IOException {
    serve(kind);
    login = request -> {
      clock.advance(Duration.ofMillis(700));
      return json(401, "{\"response\":{\"error_id\":\"NOAUTH\"}}");
    };
    assertThrows(AuthenticationFailedException.class, this::get);
    AuthEvent failed = only(AuthEvent.Type.LOGIN_FAILED);
    assertEquals(kind.name() + "Api", failed.client());
    assertEquals(Duration.ofMillis(700), failed.duration());
  }

  private AuthEvent only(AuthEvent.Type type) {
    List<AuthEvent> found = events.stream().filter(e -> e.type() == type).toList();
    assertEquals(1, found.size(), events.toString());
    return found.get(0);
  }

  /** HTTP Basic (header kind): no session to lose, so live, unless the server refused the password. */
  @Test
  void basicIsLiveUntilItsCredentialsAreRefused() throws IOException {
    serve(
        Kind.HEADER,
        HeaderScheme.builder()
            .credentials(() -> new UserPassword("dave", PASSWORD))
            .build());
    SessionState before = client.sessionState();
    assertEquals(Status.LIVE, before.status());
    assertNull(before.until());
    assertEquals(200, get());
    assertEquals(Status.LIVE, status());
    acceptTokens = false;
    assertThrows(AuthenticationFailedException.class, this::get);
    SessionState refused = client.sessionState();
    assertEquals(Status.REFUSED, refused.status());
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), refused.until());
    assertEquals(0, logins.get());
  }
}
