package dev.latchkey.runtime.digest;

import static dev.latchkey.runtime.digest.DigestTestSupport.authParams;
import static dev.latchkey.runtime.digest.DigestTestSupport.challenge;
import static dev.latchkey.runtime.digest.DigestTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestTestSupport.Events;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MockWebServer scripts: each test fixes the exact exchanges the client may make. */
class DigestScriptedTest {
  private static final String MD5_CHALLENGE =
      "realm=\"r\", nonce=\"n1\", qop=\"auth\", opaque=\"op\"";

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Events events = new Events();
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private DigestScheme.Builder scheme(String password) {
    return DigestScheme.builder().credentials(() -> new UserPassword("robot", password));
  }

  private LatchkeyClient use(DigestScheme scheme) {
    client = DigestTestSupport.client(server.url("/").toString(), scheme, clock, events, null);
    return client;
  }

  private Response get(String path) throws IOException {
    return client
        .okHttpClient()
        .newCall(new Request.Builder().url(server.url(path)).build())
        .execute();
  }

  private String call(String path) throws IOException {
    try (Response response = get(path)) {
      assertEquals(200, response.code());
      return response.body().string();
    }
  }

  /** What user robot must send for nonce n1 of realm r with cnonce "cn" (MD5). */
  private static String md5Response(
      String password, String nc, String qop, String method, String uri, String bodyHash) {
    String ha1 = DigestCalculator.ha1(
        DigestAlgorithm.MD5,
        "robot",
        "r",
        password.toCharArray(),
        StandardCharsets.ISO_8859_1,
        "n1",
        "cn");
    return DigestCalculator.response(
        DigestAlgorithm.MD5,
        ha1,
        "n1",
        nc,
        "cn",
        qop,
        DigestCalculator.ha2(DigestAlgorithm.MD5, method, uri, bodyHash));
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void coldCallTakesTwoExchangesThenEachCallOne() throws Exception {
    use(scheme("pw").build());
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(ok("a"));
    server.enqueue(ok("b"));
    assertEquals("a", call("/x"));
    assertEquals("b", call("/y?q=1"));
    assertNull(take().getHeaders().get("Authorization"));
    Map<String, String> first = authParams(take().getHeaders().get("Authorization"));
    assertEquals("00000001", first.get("nc"));
    assertEquals("/x", first.get("uri"));
    assertEquals("op", first.get("opaque"));
    RecordedRequest third = take();
    String raw = third.getHeaders().get("Authorization");
    Map<String, String> second = authParams(raw);
    assertEquals("00000002", second.get("nc"));
    assertEquals("/y?q=1", second.get("uri"));
    assertTrue(raw.contains("nc=00000002") && raw.contains("qop=auth,"), raw);
    assertEquals(3, server.getRequestCount());
    assertEquals(1, events.count(AuthEvent.Type.CHALLENGE));
    assertEquals(1, events.count(AuthEvent.Type.NONCE_REUSED));
  }

  @Test
  void refusedNonceWithoutStaleCostsExactlyTwoExchanges() throws Exception {
    use(scheme("pw").build());
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(ok("primed"));
    call("/");
    server.enqueue(challenge("realm=\"r\", nonce=\"n2\", qop=\"auth\""));
    server.enqueue(ok("after"));
    assertEquals("after", call("/"));
    assertEquals(4, server.getRequestCount());
    take();
    take();
    assertEquals("n1", authParams(take().getHeaders().get("Authorization")).get("nonce"));
    Map<String, String> retry = authParams(take().getHeaders().get("Authorization"));
    assertEquals("n2", retry.get("nonce"));
    assertEquals("00000001", retry.get("nc"));
    assertEquals(1, events.count(AuthEvent.Type.REJECTED));
  }

  @Test
  void nextnonceFromAuthenticationInfoIsUsedNext() throws Exception {
    use(scheme("pw").build());
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Authentication-Info", "nextnonce=\"n2\"")
        .body("a")
        .build());
    server.enqueue(ok("b"));
    call("/");
    call("/");
    take();
    take();
    Map<String, String> third = authParams(take().getHeaders().get("Authorization"));
    assertEquals("n2", third.get("nonce"));
    assertEquals("00000001", third.get("nc"));
    assertEquals(1, events.count(AuthEvent.Type.NONCE_RENEWED));
  }

  @Test
  void wrongRspauthIsATypedError() throws Exception {
    use(scheme("pw").build());
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Authentication-Info", "rspauth=\"00000000000000000000000000000000\", qop=auth")
        .build());
    UnexpectedAnswerException e = assertThrows(UnexpectedAnswerException.class, () -> get("/"));
    assertTrue(e.getMessage().contains("rspauth"), e.getMessage());
  }

  @Test
  void malformedOrMismatchedAuthenticationInfoIsATypedError() throws Exception {
    use(scheme("pw").cnonceSource(() -> "cn").build());
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Authentication-Info", "nextnonce=\"unterminated")
        .build());
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Authentication-Info", "qop=auth, nc=00000009, cnonce=\"cn\"")
        .build());
    assertThrows(UnexpectedAnswerException.class, () -> get("/"));
    UnexpectedAnswerException e = assertThrows(UnexpectedAnswerException.class, () -> get("/"));
    assertTrue(e.getMessage().contains("nc=00000009"), e.getMessage());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void rightRspauthIsAccepted() throws Exception {
    use(scheme("pw").cnonceSource(() -> "cn").build());
    String rspauth = md5Response("pw", "00000001", "auth", "", "/", null);
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader(
            "Authentication-Info",
            "rspauth=\"" + rspauth + "\", qop=auth, nc=00000001, cnonce=\"cn\"")
        .body("ok")
        .build());
    assertEquals("ok", call("/"));
  }

  @Test
  void severalChallengesAnswerTheStrongestInConfiguredOrder() throws Exception {
    use(scheme("pw").build());
    server.enqueue(new MockResponse.Builder()
        .code(401)
        .addHeader(
            "WWW-Authenticate",
            "Basic realm=\"r\", Digest realm=\"r\", nonce=\"m\"," + " qop=\"auth\", algorithm=MD5")
        .addHeader(
            "WWW-Authenticate", "Digest realm=\"r\", nonce=\"s\", qop=\"auth\", algorithm=SHA-256")
        .build());
    server.enqueue(ok("a"));
    call("/");
    take();
    Map<String, String> sent = authParams(take().getHeaders().get("Authorization"));
    assertEquals("SHA-256", sent.get("algorithm"));
    assertEquals("s", sent.get("nonce"));
    assertEquals(64, sent.get("response").length());
  }

  @Test
  void wrongPasswordFailsTypedAfterTwoExchanges() throws Exception {
    use(scheme("Xq9-notThePassword").build());
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(challenge("realm=\"r\", nonce=\"n2\", qop=\"auth\""));
    server.enqueue(ok("never"));
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> get("/"));
    assertEquals(2, server.getRequestCount());
    assertFalse(e.getMessage().contains("Xq9"), "the password must not leak: " + e.getMessage());
    assertTrue(e.getMessage().contains("robot"), e.getMessage());
  }

  @Test
  void malformedChallengeIsTypedAndNotRetried() throws Exception {
    use(scheme("pw").build());
    server.enqueue(new MockResponse.Builder()
        .code(401)
        .addHeader("WWW-Authenticate", "Digest realm=\"r, nonce=\"n")
        .build());
    server.enqueue(new MockResponse.Builder().code(401).build());
    assertThrows(UnexpectedAnswerException.class, () -> get("/"));
    assertEquals(1, server.getRequestCount());
    assertThrows(UnexpectedAnswerException.class, () -> get("/"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void authIntHashesTheBodyAndStillSendsIt() throws Exception {
    use(scheme("pw").integrity(true).cnonceSource(() -> "cn").build());
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth,auth-int\""));
    server.enqueue(ok("a"));
    RequestBody body = RequestBody.create("hello", MediaType.get("text/plain"));
    try (Response r = client
        .okHttpClient()
        .newCall(new Request.Builder().url(server.url("/p")).post(body).build())
        .execute()) {
      assertEquals(200, r.code());
    }
    take();
    RecordedRequest signed = take();
    assertEquals("hello", signed.getBody().utf8());
    Map<String, String> sent = authParams(signed.getHeaders().get("Authorization"));
    assertEquals("auth-int", sent.get("qop"));
    String bodyHash =
        DigestCalculator.hash(DigestAlgorithm.MD5, "hello".getBytes(StandardCharsets.UTF_8));
    String expected = md5Response("pw", "00000001", "auth-int", "POST", "/p", bodyHash);
    assertEquals(expected, sent.get("response"));
  }

  @Test
  void proxyChallengeIsAnsweredWithProxyAuthorization() throws Exception {
    OkHttpClient viaProxy =
        new OkHttpClient.Builder().proxy(server.getProxyAddress()).build();
    client = DigestTestSupport.client(
        "http://origin.test/", scheme("pw").proxy(true).build(), clock, events, viaProxy);
    server.enqueue(new MockResponse.Builder()
        .code(407)
        .addHeader("Proxy-Authenticate", "Digest " + MD5_CHALLENGE)
        .build());
    server.enqueue(ok("through"));
    try (Response r = client
        .okHttpClient()
        .newCall(new Request.Builder().url("http://origin.test/a").build())
        .execute()) {
      assertEquals("through", r.body().string());
    }
    assertNull(take().getHeaders().get("Proxy-Authorization"));
    RecordedRequest second = take();
    assertNull(second.getHeaders().get("Authorization"));
    Map<String, String> sent = authParams(second.getHeaders().get("Proxy-Authorization"));
    assertEquals("http://origin.test/a", sent.get("uri"));
    viaProxy.dispatcher().executorService().shutdown();
  }

  private OkHttpClient tlsViaProxy() {
    HeldCertificate origin =
        new HeldCertificate.Builder().addSubjectAlternativeName("origin.test").build();
    server.useHttps(
        new HandshakeCertificates.Builder().heldCertificate(origin).build().sslSocketFactory());
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(origin.certificate())
        .build();
    return new OkHttpClient.Builder()
        .proxy(server.getProxyAddress())
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .build();
  }

  private static MockResponse connectChallenge(String nonce) {
    return new MockResponse.Builder()
        .inTunnel()
        .code(407)
        .addHeader(
            "Proxy-Authenticate", "Digest realm=\"p\", nonce=\"" + nonce + "\", qop=\"auth\"")
        .build();
  }

  @Test
  void httpsThroughAProxySignsTheConnectNotTheTunnelledRequest() throws Exception {
    client = DigestTestSupport.client(
        "https://origin.test/", scheme("pw").proxy(true).build(), clock, events, tlsViaProxy());
    server.enqueue(connectChallenge("t0"));
    server.enqueue(new MockResponse.Builder().inTunnel().build());
    server.enqueue(ok("tunnelled"));
    try (Response r = client
        .okHttpClient()
        .newCall(new Request.Builder().url("https://origin.test/a").build())
        .execute()) {
      assertEquals("tunnelled", r.body().string());
    }
    RecordedRequest first = take();
    assertEquals("CONNECT", first.getMethod());
    assertNull(first.getHeaders().get("Proxy-Authorization"));
    Map<String, String> sent = authParams(take().getHeaders().get("Proxy-Authorization"));
    assertEquals("origin.test:443", sent.get("uri"));
    assertEquals("t0", sent.get("nonce"));
    RecordedRequest inside = take();
    assertEquals("GET", inside.getMethod());
    assertNull(inside.getHeaders().get("Proxy-Authorization"));
    assertNull(inside.getHeaders().get("Authorization"));
  }

  @Test
  void refusedSignedConnectIsNotRetriedForever() throws Exception {
    client = DigestTestSupport.client(
        "https://origin.test/", scheme("pw").proxy(true).build(), clock, events, tlsViaProxy());
    for (int i = 0; i < 6; i++) {
      server.enqueue(connectChallenge("t" + i));
    }
    assertThrows(
        AuthenticationFailedException.class,
        () -> client
            .okHttpClient()
            .newCall(new Request.Builder().url("https://origin.test/a").build())
            .execute());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void realmMismatchNeverUsesThePassword() throws Exception {
    use(scheme("pw").realm("mine").build());
    server.enqueue(challenge("realm=\"theirs\", nonce=\"n\", qop=\"auth\""));
    server.enqueue(ok("never"));
    assertThrows(UnexpectedAnswerException.class, () -> get("/"));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void redirectToAnotherOriginCarriesNoAuthorizationAndSameOriginIsResigned() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      use(scheme("pw").build());
      server.enqueue(challenge(MD5_CHALLENGE));
      server.enqueue(
          new MockResponse.Builder().code(302).addHeader("Location", "/moved").build());
      server.enqueue(new MockResponse.Builder()
          .code(302)
          .addHeader("Location", other.url("/elsewhere").toString())
          .build());
      other.enqueue(ok("there"));
      assertEquals("there", call("/start"));
      take();
      Map<String, String> first = authParams(take().getHeaders().get("Authorization"));
      Map<String, String> moved = authParams(take().getHeaders().get("Authorization"));
      assertEquals("/start", first.get("uri"));
      assertEquals("/moved", moved.get("uri"));
      assertEquals("00000002", moved.get("nc"));
      RecordedRequest elsewhere = other.takeRequest(5, TimeUnit.SECONDS);
      assertNull(elsewhere.getHeaders().get("Authorization"));
    }
  }

  @Test
  void alternatingOriginsEachKeepTheirOwnNonceAndCount() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      // the second origin is the user's own (issue 14: digest signs only for declared origins)
      client = LatchkeyClient.builder("DigestTest")
          .baseUrl(server.url("/").toString())
          .addOrigin(other.url("/").toString())
          .auth(scheme("pw").build())
          .clock(clock)
          .eventListener(events.all::add)
          .build();
      server.enqueue(challenge(MD5_CHALLENGE));
      other.enqueue(challenge("realm=\"r\", nonce=\"o1\", qop=\"auth\""));
      for (int i = 0; i < 3; i++) {
        server.enqueue(ok("a"));
        other.enqueue(ok("b"));
      }
      for (int i = 0; i < 3; i++) {
        call("/");
        try (Response r = client
            .okHttpClient()
            .newCall(new Request.Builder().url(other.url("/")).build())
            .execute()) {
          assertEquals(200, r.code());
        }
      }
      assertEquals(4, server.getRequestCount()); // one challenge each, then one exchange a call
      assertEquals(4, other.getRequestCount());
      take();
      other.takeRequest(5, TimeUnit.SECONDS);
      for (int i = 1; i <= 3; i++) {
        Map<String, String> here = authParams(take().getHeaders().get("Authorization"));
        Map<String, String> there =
            authParams(other.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"));
        assertEquals(
            List.of("n1", DigestCalculator.nc(i)), List.of(here.get("nonce"), here.get("nc")));
        assertEquals(
            List.of("o1", DigestCalculator.nc(i)), List.of(there.get("nonce"), there.get("nc")));
      }
    }
  }

  @Test
  void anotherOriginsAuthenticationInfoIsIgnored() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      use(scheme("pw").build());
      server.enqueue(challenge(MD5_CHALLENGE));
      server.enqueue(new MockResponse.Builder()
          .code(302)
          .addHeader("Location", other.url("/x").toString())
          .build());
      other.enqueue(new MockResponse.Builder()
          .code(200)
          .addHeader("Authentication-Info", "nextnonce=\"planted\", rspauth=\"bogus\", qop=auth")
          .body("there")
          .build());
      server.enqueue(ok("home"));
      assertEquals("there", call("/a"));
      assertEquals("home", call("/b"));
      take();
      take();
      Map<String, String> third = authParams(take().getHeaders().get("Authorization"));
      assertEquals("n1", third.get("nonce"));
      assertEquals("00000002", third.get("nc"));
    }
  }

  @Test
  void oneShotBodyIsNeverReplayed() throws Exception {
    use(scheme("pw").build());
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(ok("never"));
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("text/plain");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("once");
      }
    };
    assertThrows(
        BodyNotReplayableException.class,
        () -> client
            .okHttpClient()
            .newCall(new Request.Builder().url(server.url("/")).post(oneShot).build())
            .execute());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void rotatedPasswordIsPickedUpWithoutRestart() throws Exception {
    String[] password = {"old"};
    use(DigestScheme.builder()
        .credentials(() -> new UserPassword("robot", password[0]))
        .cnonceSource(() -> "cn")
        .build());
    server.enqueue(challenge(MD5_CHALLENGE));
    server.enqueue(ok("a"));
    server.enqueue(ok("b"));
    call("/");
    password[0] = "new";
    call("/");
    take();
    String first = authParams(take().getHeaders().get("Authorization")).get("response");
    String second = authParams(take().getHeaders().get("Authorization")).get("response");
    assertEquals(md5Response("new", "00000002", "auth", "GET", "/", null), second);
    assertFalse(first.equals(second));
    assertFalse(
        List.of(client.toString(), scheme("pw").build().toString()).toString().contains("pw\""));
  }
}
