package dev.latchkey.runtime.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestScheme;
import dev.latchkey.runtime.header.HeaderAuthMode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every auth kind, every way a redirect leaves the origin: another host on the same port, another
 * port, https to http. The hop before the redirect carries the credentials (so the test can fail);
 * the hop after it carries none of them: no {@code Authorization}, no session cookie, no session
 * header, no API key, no digest answer.
 */
class CrossOriginRedirectTest {
  private static final List<String> CREDENTIAL_HEADERS = List.of(
      "Authorization",
      "Proxy-Authorization",
      "X-Auth-Token",
      "MediaSiloApiKey",
      "MediaSiloSessionKey",
      "MediaSiloHostContext");
  private static final HeldCertificate CERT = new HeldCertificate.Builder()
      .addSubjectAlternativeName("127.0.0.1")
      .addSubjectAlternativeName("localhost")
      .build();

  enum Leave {
    OTHER_HOST,
    OTHER_PORT,
    HTTPS_TO_HTTP
  }

  /** One engine configuration and the header that proves it sent credentials before the jump. */
  record Engine(String name, Supplier<AuthScheme> scheme, String proofHeader) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final MockWebServer origin = new MockWebServer();
  private final MockWebServer target = new MockWebServer();
  private final List<RecordedRequest> landings = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> jumps = new CopyOnWriteArrayList<>();
  private LatchkeyClient client;

  @AfterEach
  void stop() throws IOException {
    origin.close();
    target.close();
    if (client != null) {
      client.close();
    }
  }

  static Stream<Arguments> cases() {
    List<Engine> engines = List.of(
        new Engine(
            "digest",
            () -> DigestScheme.builder()
                .credentials(() -> new UserPassword("robot", "digest-pw"))
                .build(),
            "Authorization"),
        new Engine(
            "token in Authorization", () -> SessionHostileTest.xandr().build(), "Authorization"),
        new Engine(
            "token in a custom header",
            () -> SessionHostileTest.xandr().header("X-Auth-Token", "{token}").build(),
            "X-Auth-Token"),
        new Engine(
            "token in a cookie",
            () -> SessionHostileTest.xandr().cookie("IBAPI_SESSID").build(),
            "Cookie"),
        new Engine(
            "header session", () -> SessionHostileTest.mediaSilo().build(), "MediaSiloSessionKey"),
        new Engine(
            "header basic",
            () -> SessionHostileTest.mediaSilo().mode(HeaderAuthMode.BASIC).build(),
            "Authorization"));
    return engines.stream()
        .flatMap(engine -> Stream.of(Leave.values()).map(leave -> Arguments.of(engine, leave)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("cases")
  void credentialsStayBehind(Engine engine, Leave leave) throws Exception {
    OkHttpClient.Builder base = Hostile.baseClient().newBuilder();
    // What a user's own network interceptor (an HttpLog) sees of each hop: it runs after our
    // guards, so it must see the landing hop as it goes on the wire, without the credentials.
    List<Request> seenByUser = new CopyOnWriteArrayList<>();
    base.addNetworkInterceptor(chain -> {
      seenByUser.add(chain.request());
      return chain.proceed(chain.request());
    });
    if (leave == Leave.HTTPS_TO_HTTP) {
      origin.useHttps(
          new HandshakeCertificates.Builder().heldCertificate(CERT).build().sslSocketFactory());
      HandshakeCertificates trust = new HandshakeCertificates.Builder()
          .addTrustedCertificate(CERT.certificate())
          .build();
      base.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
    }
    origin.start(InetAddress.getByName("127.0.0.1"), 0);
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    HttpUrl landing = switch (leave) {
      case OTHER_HOST ->
        new HttpUrl.Builder()
            .scheme("http")
            .host("localhost")
            .port(origin.getPort())
            .encodedPath("/landing")
            .build();
      case OTHER_PORT, HTTPS_TO_HTTP ->
        target.url("/landing").newBuilder().host("127.0.0.1").build();
    };
    // A literal address: MockWebServer names itself "localhost", which is the other host here.
    HttpUrl baseUrl = origin.url("/api/").newBuilder().host("127.0.0.1").build();
    origin.setDispatcher(new OriginServer(landing));
    target.setDispatcher(new OriginServer(landing));
    client = LatchkeyClient.builder("RedirectTest")
        .baseUrl(baseUrl.toString())
        .okHttpClient(base.build())
        .auth(engine.scheme().get())
        .build();

    Request request =
        new Request.Builder().url(client.baseUrl().resolve("jump")).build();
    try (Response response =
        Hostile.within(() -> client.okHttpClient().newCall(request).execute())) {
      assertEquals(200, response.code());
      assertEquals(landing.host(), response.request().url().host());
    }

    RecordedRequest jump = jumps.get(jumps.size() - 1);
    assertNotNull(
        jump.getHeaders().get(engine.proofHeader()),
        engine + ": the hop before the redirect carried no credentials; this proves nothing");
    assertEquals(1, landings.size());
    RecordedRequest after = landings.get(0);
    for (String name : CREDENTIAL_HEADERS) {
      assertNull(after.getHeaders().get(name), engine + ": " + name + " followed to " + landing);
    }
    String cookie = after.getHeaders().get("Cookie");
    assertFalse(
        cookie != null && cookie.contains("tok-"), engine + ": the session cookie followed");
    Request userSaw = seenByUser.get(seenByUser.size() - 1);
    assertEquals(landing.encodedPath(), userSaw.url().encodedPath());
    for (String name : CREDENTIAL_HEADERS) {
      assertNull(
          userSaw.header(name),
          engine + ": a user's network interceptor saw " + name + " on the hop to " + landing);
    }
  }

  static Stream<Engine> sessionEngines() {
    return cases()
        .map(arguments -> (Engine) arguments.get()[0])
        .distinct()
        .filter(engine -> !engine.name().equals("digest"));
  }

  /**
   * An absolute URL to another origin (a "next" link, a call through {@code okHttpClient()}): no
   * credential goes there, no login is made for it, and its 401 reaches the caller as it is. (The
   * digest engine's own answer to a foreign challenge is tested with the digest engine.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sessionEngines")
  void directCallsToAnotherOriginCarryNothingAndCostNoLogin(Engine engine) throws Exception {
    origin.start(InetAddress.getByName("127.0.0.1"), 0);
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    HttpUrl elsewhere = target.url("/landing").newBuilder().host("127.0.0.1").build();
    origin.setDispatcher(new OriginServer(elsewhere));
    target.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        landings.add(request);
        return new MockResponse.Builder()
            .code(401)
            .addHeader("WWW-Authenticate", "Bearer")
            .build();
      }
    });
    HttpUrl baseUrl = origin.url("/api/").newBuilder().host("127.0.0.1").build();
    client = LatchkeyClient.builder("RedirectTest")
        .baseUrl(baseUrl.toString())
        .okHttpClient(Hostile.baseClient())
        .auth(engine.scheme().get())
        .build();
    for (int i = 0; i < 2; i++) {
      Request request = new Request.Builder().url(elsewhere).build();
      try (Response response =
          Hostile.within(() -> client.okHttpClient().newCall(request).execute())) {
        assertEquals(
            401, response.code(), engine + ": the other origin's answer reaches the caller");
      }
    }
    assertEquals(0, origin.getRequestCount(), engine + ": a call elsewhere made a login");
    for (RecordedRequest after : landings) {
      for (String name : CREDENTIAL_HEADERS) {
        assertNull(after.getHeaders().get(name), engine + ": " + name + " went to " + elsewhere);
      }
      String cookie = after.getHeaders().get("Cookie");
      assertFalse(
          cookie != null && cookie.contains("tok-"), engine + ": the session cookie went along");
    }
  }

  /**
   * A redirect to another origin that answers 401 (a CDN): the answer is the caller's, not a
   * "session gone"; it costs no login and the session stays (issue 14, defect 3).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sessionEngines")
  void anUnauthorizedFromTheOtherOriginIsNotOurs(Engine engine) throws Exception {
    origin.start(InetAddress.getByName("127.0.0.1"), 0);
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    HttpUrl landing = target.url("/landing").newBuilder().host("127.0.0.1").build();
    List<String> logins = new CopyOnWriteArrayList<>();
    OriginServer server = new OriginServer(landing);
    origin.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (request.getMethod().equals("POST")
            && (path.endsWith("/auth") || path.endsWith("/session"))) {
          logins.add(path);
        }
        return server.dispatch(request);
      }
    });
    target.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        landings.add(request);
        return new MockResponse.Builder()
            .code(401)
            .body("{\"response\":{\"error_id\":\"NOAUTH\"}}")
            .build();
      }
    });
    HttpUrl baseUrl = origin.url("/api/").newBuilder().host("127.0.0.1").build();
    client = LatchkeyClient.builder("RedirectTest")
        .baseUrl(baseUrl.toString())
        .okHttpClient(Hostile.baseClient())
        .auth(engine.scheme().get())
        .build();
    for (int i = 0; i < 3; i++) {
      Request request =
          new Request.Builder().url(client.baseUrl().resolve("jump")).build();
      try (Response response =
          Hostile.within(() -> client.okHttpClient().newCall(request).execute())) {
        assertEquals(401, response.code());
        assertEquals(landing.port(), response.request().url().port());
      }
    }
    assertEquals(
        engine.name().equals("header basic") ? 0 : 1,
        logins.size(),
        engine + ": a foreign 401 cost logins " + logins);
    assertEquals(3, landings.size());
  }

  static Stream<Arguments> logins() {
    return Stream.of(
        Arguments.of("token login", (Supplier<AuthScheme>)
            () -> SessionHostileTest.xandr().build()),
        Arguments.of("header session", (Supplier<AuthScheme>)
            () -> SessionHostileTest.mediaSilo().build()));
  }

  /**
   * OkHttp follows a 307 or 308 with the method and the body: a login answered so would send the
   * password itself to wherever the server points. The login body is one-shot, so it never is.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("logins")
  void theLoginBodyNeverFollowsARedirect(String name, Supplier<AuthScheme> scheme)
      throws Exception {
    origin.start(InetAddress.getByName("127.0.0.1"), 0);
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    HttpUrl elsewhere = target.url("/stolen").newBuilder().host("127.0.0.1").build();
    origin.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder()
            .code(307)
            .addHeader("Location", elsewhere.toString())
            .build();
      }
    });
    target.setDispatcher(new OriginServer(elsewhere));
    HttpUrl baseUrl = origin.url("/api/").newBuilder().host("127.0.0.1").build();
    client = LatchkeyClient.builder("RedirectTest")
        .baseUrl(baseUrl.toString())
        .okHttpClient(Hostile.baseClient())
        .auth(scheme.get())
        .build();
    Request request = new Request.Builder().url(client.baseUrl().resolve("me")).build();
    Hostile.fails(
        dev.latchkey.runtime.LatchkeyException.class,
        () -> client.okHttpClient().newCall(request).execute().close());
    assertEquals(1, origin.getRequestCount(), name + ": one login attempt");
    assertEquals(0, target.getRequestCount(), name + ": the login body went to " + elsewhere);
  }

  /** Logs in, challenges, redirects {@code /jump} to the landing page, records both. */
  private final class OriginServer extends Dispatcher {
    private final HttpUrl landing;

    OriginServer(HttpUrl landing) {
      this.landing = landing;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.endsWith("/landing")) {
        landings.add(request);
        return new MockResponse.Builder().code(200).body("{}").build();
      }
      if (path.endsWith("/auth")) {
        return new MockResponse.Builder()
            .code(200)
            .addHeader("Set-Cookie", "IBAPI_SESSID=tok-server; path=/")
            .body("{\"response\":{\"status\":\"OK\",\"token\":\"tok-1\"}}")
            .build();
      }
      if (path.endsWith("/session") && request.getMethod().equals("POST")) {
        return new MockResponse.Builder().code(200).body("{\"id\":\"sess-1\"}").build();
      }
      if (path.endsWith("/jump")) {
        boolean credentials =
            CREDENTIAL_HEADERS.stream().anyMatch(name -> request.getHeaders().get(name) != null)
                || request.getHeaders().get("Cookie") != null;
        if (!credentials) {
          return new MockResponse.Builder()
              .code(401)
              .addHeader("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", qop=\"auth\"")
              .build();
        }
        jumps.add(request);
        return new MockResponse.Builder()
            .code(302)
            .addHeader("Location", landing.toString())
            .build();
      }
      return new MockResponse.Builder().code(200).body("{}").build();
    }
  }
}
