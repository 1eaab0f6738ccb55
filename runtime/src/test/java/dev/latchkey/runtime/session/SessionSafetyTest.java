package dev.latchkey.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.logging.HttpLog;
import dev.latchkey.runtime.logging.Redactor;
import dev.latchkey.runtime.store.InMemorySessionStore;
import dev.latchkey.runtime.store.SessionStore;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Secrets, listeners and waits (issue 14, defects 6, 7, 8 and 9), for every session kind. */
class SessionSafetyTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeSessionApi api = new FakeSessionApi("tok");
  private final List<AuthEvent> events = new CopyOnWriteArrayList<>();
  private final List<LatchkeyClient> clients = new ArrayList<>();
  private ExecutorService pool;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(api);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    if (pool != null) {
      pool.shutdownNow();
    }
    CountDownLatch gate = api.loginGate;
    if (gate != null) {
      gate.countDown();
    }
    for (LatchkeyClient client : clients) {
      client.close();
    }
    server.close();
  }

  private LatchkeyClient client(
      dev.latchkey.runtime.AuthScheme scheme, OkHttpClient base, AuthEventListener listener) {
    LatchkeyClient client = LatchkeyClient.builder("SafetyApi")
        .baseUrl(server.url("/api/").newBuilder().host("127.0.0.1").build().toString())
        .okHttpClient(base)
        .auth(scheme)
        .eventListener(listener)
        .build();
    clients.add(client);
    return client;
  }

  private LatchkeyClient client(Kind kind) {
    return client(kind.scheme(), new OkHttpClient(), events::add);
  }

  private static int get(LatchkeyClient client, String path) throws IOException {
    try (Response response = client
        .okHttpClient()
        .newCall(new Request.Builder().url(client.baseUrl().resolve(path)).build())
        .execute()) {
      return response.code();
    }
  }

  /** Defect 6: a 500 whose error echoes the login body (3,000 characters) quotes no password. */
  @Test
  void aLoginAnswerEchoingThePasswordNeverPutsItInAMessageOrEvent() {
    api.loginAnswer = body -> new MockResponse.Builder()
        .code(500)
        .body("{\"response\":{\"error_id\":" + quoted(body + "x".repeat(3000)) + "}}")
        .build();
    LatchkeyClient client = client(Kind.TOKEN);
    UnexpectedAnswerException e =
        assertThrows(UnexpectedAnswerException.class, () -> get(client, "me"));
    assertFalse(e.getMessage().contains(FakeSessionApi.PASSWORD), e.getMessage());
    assertTrue(
        e.getMessage().length() < 600, e.getMessage().length() + " chars: " + e.getMessage());
    List<AuthEvent> failed =
        events.stream().filter(ev -> ev.type() == AuthEvent.Type.LOGIN_FAILED).toList();
    assertEquals(1, failed.size());
    for (AuthEvent event : events) {
      assertFalse(event.detail().contains(FakeSessionApi.PASSWORD), event.toString());
      assertTrue(event.detail().length() < 600, event.toString());
    }
  }

  private static String quoted(String text) {
    return "\""
        + new String(
            com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text))
        + "\"";
  }

  /**
   * Defect 7: a user who follows SECURITY.md with {@code new HttpLog(new Redactor(), ..)} on the
   * OkHttp client sees every live secret masked: tokens in custom headers, session keys, API keys
   * and {@code {"id": ..}} session answers.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aLogBuiltWithItsOwnRedactorMasksTheEnginesSecrets(Kind kind) throws IOException {
    List<String> lines = new CopyOnWriteArrayList<>();
    OkHttpClient base = new OkHttpClient.Builder()
        .addNetworkInterceptor(new HttpLog(new Redactor(), HttpLog.Level.BODY, lines::add))
        .build();
    LatchkeyClient client = client(kind.scheme(), base, events::add);
    assertEquals(200, get(client, "me"));
    assertEquals(200, get(client, "me"));
    String log = String.join("\n", lines);
    assertTrue(log.contains(kind.carrier()), "the log shows the carrier's name: " + log);
    for (String secret : List.of("tok-1", Kind.API_KEY, FakeSessionApi.PASSWORD)) {
      assertFalse(log.contains(secret), secret + " in the log:\n" + log);
    }
    assertFalse(log.contains("YWxpY2U6"), "the Basic credentials in the log:\n" + log);
  }

  /** Defect 8: a listener that throws never fails or hangs a call, on the leader or a waiter. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aThrowingListenerNeverFailsOrHangsACall(Kind kind) throws Exception {
    AuthEventListener hostile = event -> {
      throw new IllegalStateException("listener bug");
    };
    LatchkeyClient client = client(kind.scheme(), new OkHttpClient(), hostile);
    pool = Executors.newFixedThreadPool(8);
    for (int round = 0; round < 2; round++) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> get(client, "me")));
      }
      for (Future<Integer> result : results) {
        assertEquals(200, result.get(20, TimeUnit.SECONDS));
      }
      api.forgetSessions(); // the second round renews: more events, same rule
    }
  }

  /** Issue 14, defect 9: a stored token a header cannot carry is never sent (nor quoted): log in anew. */
  @Test
  void aStoredTokenAHeaderCannotCarryIsNotUsed() throws IOException {
    InMemorySessionStore memory = new InMemorySessionStore();
    SessionStore poisoned = new SessionStore() {
      @Override
      public Optional<StoredSession> load(String account, Consumer<String> notice)
          throws IOException {
        Optional<StoredSession> real = memory.load(account, notice);
        return real.isPresent()
            ? real
            : Optional.of(new StoredSession("tök-é\u2028secret", 7, 0, Long.MAX_VALUE / 2));
      }

      @Override
      public void save(String account, StoredSession session) {
        memory.save(account, session);
      }

      @Override
      public void invalidate(String account, long generation) {
        memory.invalidate(account, generation);
      }

      @Override
      public void touch(String account, long generation, long lastUseMillis) {
        memory.touch(account, generation, lastUseMillis);
      }

      @Override
      public <T> T withLoginLock(String account, Callable<T> action) throws IOException {
        return memory.withLoginLock(account, action);
      }

      @Override
      public List<Instant> logins(String account) {
        return memory.logins(account);
      }

      @Override
      public void recordLogin(String account, Instant at, Instant keepAfter) {
        memory.recordLogin(account, at, keepAfter);
      }
    };
    LatchkeyClient client = client(
        Kind.TOKEN.scheme(
            () -> new UserPassword(FakeSessionApi.USER, FakeSessionApi.PASSWORD), poisoned),
        new OkHttpClient(),
        events::add);
    assertEquals(200, get(client, "me"));
    assertEquals(1, api.logins.get());
    for (AuthEvent event : events) {
      assertFalse(event.detail().contains("secret"), event.toString());
    }
  }

  /** Issue 14, defect 9: an answer whose body fails while being peeked is closed, not leaked. */
  @Test
  void anAnswerWhoseBodyFailsWhilePeekedIsClosed() {
    AtomicBoolean closed = new AtomicBoolean();
    OkHttpClient base = new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          if (!chain.request().url().encodedPath().endsWith("/me")) {
            return response;
          }
          response.close();
          BufferedSource failing =
              Okio.buffer(new ForwardingSource(new Buffer().writeUtf8("{\"res")) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                  throw new IOException("connection reset while reading the body");
                }

                @Override
                public void close() throws IOException {
                  closed.set(true);
                  super.close();
                }
              });
          return response
              .newBuilder()
              .body(ResponseBody.create(failing, MediaType.get("application/json"), 64))
              .build();
        })
        .build();
    LatchkeyClient client = client(Kind.TOKEN.scheme(), base, events::add);
    assertThrows(IOException.class, () -> get(client, "me"));
    assertTrue(closed.get(), "the answer was not closed");
  }

  /**
   * Issue 14, defect 9: a caller waiting for another caller's login ends at its own call timeout
   * and at {@code cancel()}, while the login is still held by the server.
   */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"TOKEN", "HEADER_SESSION"})
  void waitersEndAtTheirOwnTimeoutAndCancel(Kind kind) throws Exception {
    api.loginGate = new CountDownLatch(1);
    LatchkeyClient client = client(kind);
    pool = Executors.newFixedThreadPool(3);
    Future<Integer> leader = pool.submit(() -> get(client, "me"));
    assertTrue(api.loginArrived.await(20, TimeUnit.SECONDS));
    Request me = new Request.Builder().url(client.baseUrl().resolve("me")).build();
    OkHttpClient impatient =
        client.okHttpClient().newBuilder().callTimeout(Duration.ofMillis(300)).build();
    Future<Class<?>> timedOut = pool.submit(() -> failure(impatient.newCall(me)));
    Call cancelled = client.okHttpClient().newCall(me);
    Future<Class<?>> cancelledResult = pool.submit(() -> failure(cancelled));
    Thread.sleep(200);
    cancelled.cancel();
    assertTrue(IOException.class.isAssignableFrom(timedOut.get(20, TimeUnit.SECONDS)));
    assertTrue(IOException.class.isAssignableFrom(cancelledResult.get(20, TimeUnit.SECONDS)));
    assertFalse(leader.isDone(), "the login was still held: the waiters ended by themselves");
    api.loginGate.countDown();
    assertEquals(200, leader.get(20, TimeUnit.SECONDS));
    assertEquals(1, api.loginAttempts.get());
  }

  private static Class<?> failure(Call call) {
    try (Response response = call.execute()) {
      return Void.class;
    } catch (IOException e) {
      return e.getClass();
    }
  }

  /** One meaning for a supplier's null, in every kind: a configuration error, not a wrong password. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aSupplierReturningNullIsAConfigurationError(Kind kind) {
    LatchkeyClient client = client(kind.scheme(() -> null, null), new OkHttpClient(), events::add);
    assertThrows(LatchkeyConfigException.class, () -> get(client, "me"));
    assertEquals(0, server.getRequestCount());
  }

  /**
   * Basic sends the password itself: once refused, it is not sent again (servers such as Grafana
   * lock the account) until the supplier's password changes.
   */
  @Test
  void aRefusedBasicPasswordIsNotSentAgainUntilItChanges() throws IOException {
    AtomicReference<String> password = new AtomicReference<>("wrong-password");
    LatchkeyClient client = client(
        Kind.HEADER_BASIC.scheme(() -> new UserPassword(FakeSessionApi.USER, password.get()), null),
        new OkHttpClient(),
        events::add);
    for (int i = 0; i < 3; i++) {
      AuthenticationFailedException e =
          assertThrows(AuthenticationFailedException.class, () -> get(client, "me"));
      assertFalse(e.getMessage().contains("wrong-password"), e.getMessage());
    }
    assertEquals(1, server.getRequestCount(), "the refused password was sent again");
    password.set(FakeSessionApi.PASSWORD);
    assertEquals(200, get(client, "me"));
    assertEquals(2, server.getRequestCount());
  }

  /**
   * A 403 with credentials the server accepted before is a permission error: typed as such, and
   * no reason to stop sending the (right) password.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aForbiddenCallWithAcceptedCredentialsIsAccessDeniedAndNothingElse(Kind kind)
      throws IOException {
    LatchkeyClient client = client(kind);
    assertEquals(200, get(client, "me"));
    if (kind == Kind.TOKEN) {
      assertEquals(
          403, get(client, "admin")); // not a "session gone" status for this API: the caller's
    } else {
      dev.latchkey.runtime.AccessDeniedException e = assertThrows(
          dev.latchkey.runtime.AccessDeniedException.class, () -> get(client, "admin"));
      assertTrue(e.getMessage().contains("not yours"), e.getMessage());
    }
    assertEquals(200, get(client, "me"));
    // MediaSilo's 403 may mean "session gone": one renewal, then denied; Basic never logs in
    assertEquals(
        kind == Kind.TOKEN ? 1 : kind == Kind.HEADER_SESSION ? 2 : 0, api.loginAttempts.get());
  }

  /** The same for a session login: a wrong password makes one login, not one per call. */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"TOKEN", "HEADER_SESSION"})
  void aRefusedLoginIsNotTriedAgainUntilThePasswordChanges(Kind kind) throws IOException {
    AtomicReference<String> password = new AtomicReference<>("wrong-password");
    LatchkeyClient client = client(
        kind.scheme(() -> new UserPassword(FakeSessionApi.USER, password.get()), null),
        new OkHttpClient(),
        events::add);
    for (int i = 0; i < 3; i++) {
      assertThrows(AuthenticationFailedException.class, () -> get(client, "me"));
    }
    assertEquals(1, api.loginAttempts.get());
    password.set(FakeSessionApi.PASSWORD);
    assertEquals(200, get(client, "me"));
    assertEquals(2, api.loginAttempts.get());
  }
}
