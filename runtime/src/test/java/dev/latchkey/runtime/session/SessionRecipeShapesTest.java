package dev.latchkey.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.session.SessionRecipe.Answers;
import dev.latchkey.runtime.session.SessionRecipe.Body;
import dev.latchkey.runtime.session.SessionRecipe.Carrier;
import dev.latchkey.runtime.session.SessionRecipe.CarrierKind;
import dev.latchkey.runtime.session.SessionRecipe.Login;
import dev.latchkey.runtime.session.SessionRecipe.Logout;
import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import dev.latchkey.runtime.session.SessionRecipe.TokenIn;
import dev.latchkey.runtime.session.SessionRecipe.TokenSource;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login shapes of issue 18 are data for the engine, not code: a form login whose token comes
 * in an answer header and goes back as a query parameter (OpenStack Keystone, Splunk); a cookie
 * both ways (CouchDB); a Basic-authenticated login without a body answering a bare JSON string
 * (vCenter); a lifetime read from the answer (F5's {@code timeout}); logout with {@code {token}}.
 */
class SessionRecipeShapesTest {
  private static final Answers ANSWERS = new Answers(
      Set.of(401),
      Set.of(401, 403),
      Set.of(429),
      null,
      Set.of(),
      Set.of(),
      Set.of(),
      Set.of(),
      null,
      Set.of());
  private final MockWebServer server = new MockWebServer();
  private final MockWebServer other = new MockWebServer();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> elsewhere = new CopyOnWriteArrayList<>();
  private final AtomicInteger logins = new AtomicInteger();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T10:00:00Z"));
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    other.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        elsewhere.add(request);
        return new MockResponse.Builder().code(200).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    other.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
    other.close();
  }

  private void serve(Function<RecordedRequest, MockResponse> script) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        return script.apply(request);
      }
    });
  }

  private void connect(Login login, Carrier carrier, List<StaticHeader> headers, Logout logout) {
    SessionRecipe recipe = new SessionRecipe(
        "shape",
        login,
        carrier,
        headers,
        ANSWERS,
        null,
        null,
        0,
        null,
        Duration.ZERO,
        Duration.ofMinutes(5),
        Set.of(),
        Duration.ZERO,
        null,
        logout,
        null,
        () -> new UserPassword("alice", "pw-123456"),
        null);
    AuthScheme scheme = new AuthScheme() {
      @Override
      public String kind() {
        return "shape";
      }

      @Override
      public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
        return SessionAuth.install(recipe, context, builder);
      }
    };
    client = LatchkeyClient.builder("Shapes")
        .baseUrl(server.url("/api/").newBuilder().host("127.0.0.1").toString())
        .clock(clock)
        .auth(scheme)
        .build();
  }

  private int get(String path) throws IOException {
    try (Response response = client
        .okHttpClient()
        .newCall(new Request.Builder().url(client.baseUrl().resolve(path)).build())
        .execute()) {
      return response.code();
    }
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  @Test
  void formLoginTokenInAnAnswerHeaderSentAsAQueryParameterAndLoggedOut() throws Exception {
    HttpUrl landing = other.url("/landing").newBuilder().host("127.0.0.1").build();
    serve(request -> {
      String path = request.getUrl().encodedPath();
      if (path.endsWith("/auth/tokens") && request.getMethod().equals("POST")) {
        logins.incrementAndGet();
        return new MockResponse.Builder()
            .code(201)
            .addHeader("X-Subject-Token", "tok-1")
            .body("{}")
            .build();
      }
      if (path.endsWith("/jump")) {
        // a careless server copies the query into its redirect: the token must not follow
        return new MockResponse.Builder()
            .code(302)
            .addHeader(
                "Location",
                landing + "?auth_token=" + request.getUrl().queryParameter("auth_token"))
            .build();
      }
      return new MockResponse.Builder()
          .code("tok-1".equals(request.getUrl().queryParameter("auth_token")) ? 200 : 401)
          .build();
    });
    connect(
        new Login(
            "POST",
            "auth/tokens",
            Body.FORM,
            Map.of("username", Login.USER, "password", Login.PASSWORD),
            Map.of(),
            false,
            null,
            new TokenSource(TokenIn.HEADER, "X-Subject-Token"),
            null,
            false),
        new Carrier(CarrierKind.QUERY, "auth_token", null),
        List.of(new StaticHeader("Accept", "", false, "{value}", () -> "application/json")),
        new Logout("DELETE", "auth/tokens/{token}", Map.of(), Map.of()));
    assertEquals(200, get("items"));
    assertEquals(200, get("jump"));
    client.close();
    client = null;

    RecordedRequest login = requests.get(0);
    assertEquals("application/x-www-form-urlencoded", login.getHeaders().get("Content-Type"));
    String form = login.getBody().utf8();
    assertTrue(form.contains("username=alice") && form.contains("password=pw-123456"), form);
    assertEquals("application/json", login.getHeaders().get("Accept"));
    assertEquals(1, logins.get());
    assertNull(
        elsewhere.get(0).getUrl().queryParameter("auth_token"), "the token followed the redirect");
    RecordedRequest logout = requests.get(requests.size() - 1);
    assertEquals("DELETE", logout.getMethod());
    assertTrue(
        logout.getUrl().encodedPath().endsWith("/auth/tokens/tok-1"),
        logout.getUrl().toString());
  }

  @Test
  void tokenFromACookieGoesBackAsThatCookie() throws IOException {
    serve(request -> {
      if (request.getUrl().encodedPath().endsWith("/_session")) {
        logins.incrementAndGet();
        return new MockResponse.Builder()
            .code(200)
            .addHeader("Set-Cookie", "AuthSession=tok-c; Path=/; HttpOnly")
            .body("{\"ok\":true}")
            .build();
      }
      String cookie = request.getHeaders().get("Cookie");
      return new MockResponse.Builder()
          .code(cookie != null && cookie.contains("AuthSession=tok-c") ? 200 : 401)
          .build();
    });
    connect(
        new Login(
            "POST",
            "_session",
            Body.JSON,
            Map.of("/name", Login.USER, "/password", Login.PASSWORD),
            Map.of(),
            false,
            null,
            new TokenSource(TokenIn.COOKIE, "AuthSession"),
            null,
            false),
        new Carrier(CarrierKind.COOKIE, "AuthSession", null),
        List.of(),
        null);
    assertEquals(200, get("db"));
    assertEquals(200, get("db"));
    assertEquals(1, logins.get());
    String body = requests.get(0).getBody().utf8();
    assertTrue(
        body.contains("\"name\":\"alice\"") && body.contains("\"password\":\"pw-123456\""), body);
  }

  @Test
  void basicLoginWithoutABodyAnsweringABareStringAndALifetimeFromTheAnswer() throws IOException {
    serve(request -> {
      String path = request.getUrl().encodedPath();
      if (path.endsWith("/session") && request.getMethod().equals("POST")) {
        int n = logins.incrementAndGet();
        return ok("\"tok-" + n + "\"");
      }
      if (path.endsWith("/f5")) {
        return ok("{}");
      }
      return new MockResponse.Builder()
          .code(
              ("tok-" + logins.get()).equals(request.getHeaders().get("vmware-api-session-id"))
                  ? 200
                  : 401)
          .build();
    });
    connect(
        new Login(
            "POST",
            "session",
            Body.NONE,
            Map.of(),
            Map.of(),
            true,
            null,
            new TokenSource(TokenIn.WHOLE_ANSWER, ""),
            null,
            false),
        new Carrier(CarrierKind.HEADER, "vmware-api-session-id", "{token}"),
        List.of(),
        null);
    assertEquals(200, get("vcenter/vm"));
    RecordedRequest login = requests.get(0);
    assertTrue(login.getHeaders().get("Authorization").startsWith("Basic "));
    assertEquals(0, login.getBody().size(), "no body");
    assertNull(login.getHeaders().get("Content-Type"));
    assertEquals(1, logins.get());
  }

  @Test
  void theAnswersLifetimeRenewsBeforeItEnds() throws IOException {
    serve(request -> {
      if (request.getUrl().encodedPath().endsWith("/login")) {
        int n = logins.incrementAndGet();
        return ok("{\"token\":{\"token\":\"tok-" + n + "\",\"timeout\":1200}}");
      }
      return new MockResponse.Builder()
          .code(
              ("tok-" + logins.get()).equals(request.getHeaders().get("X-F5-Auth-Token"))
                  ? 200
                  : 401)
          .build();
    });
    connect(
        new Login(
            "POST",
            "login",
            Body.JSON,
            Map.of("/username", Login.USER, "/password", Login.PASSWORD),
            Map.of(),
            false,
            null,
            new TokenSource(TokenIn.POINTER, "/token/token"),
            "/token/timeout",
            false),
        new Carrier(CarrierKind.HEADER, "X-F5-Auth-Token", "{token}"),
        List.of(),
        null);
    assertEquals(200, get("mgmt"));
    clock.advance(Duration.ofMinutes(18));
    assertEquals(200, get("mgmt"));
    assertEquals(1, logins.get());
    clock.advance(Duration.ofMinutes(1).plusSeconds(30)); // 19.5 of 20 minutes: within the margin
    assertEquals(200, get("mgmt"));
    assertEquals(2, logins.get(), "renewed before the server's timeout, without a refusal");
  }
}
