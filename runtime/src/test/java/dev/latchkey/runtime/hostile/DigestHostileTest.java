package dev.latchkey.runtime.hostile;

import static dev.latchkey.runtime.hostile.Hostile.fails;
import static dev.latchkey.runtime.hostile.Hostile.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestScheme;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
import retrofit2.Call;
import retrofit2.http.GET;

/** The digest engine against servers that refuse, lie, drip, reset and flood. */
class DigestHostileTest {
  private static final String CHALLENGE = "Digest realm=\"r\", nonce=\"%s\", qop=\"auth\"";

  private MockWebServer server;
  private RawServer raw;
  private LatchkeyClient client;

  /** Products as the On-Demand sample reads them (XML). */
  public static final class Items {
    @JacksonXmlElementWrapper(useWrapping = false)
    public List<String> item;
  }

  interface Catalog {
    @GET("products")
    Call<Items> products();
  }

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

  /** Challenges a request without credentials, accepts any signed one (it checks nothing else). */
  static MockResponse sane(RecordedRequest request) {
    if (request.getHeaders().get("Authorization") == null) {
      return challenge("sane");
    }
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/xml")
        .body("<items><item>a</item></items>")
        .build();
  }

  static MockResponse challenge(String nonce) {
    return new MockResponse.Builder()
        .code(401)
        .addHeader("WWW-Authenticate", String.format(CHALLENGE, nonce))
        .body("no")
        .build();
  }

  private Hostile.Phases serve(Function<RecordedRequest, MockResponse> hostile) throws IOException {
    Hostile.Phases phases = new Hostile.Phases(hostile, DigestHostileTest::sane);
    server = new MockWebServer();
    server.setDispatcher(phases);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = client(server.url("/api/"));
    return phases;
  }

  private static LatchkeyClient client(HttpUrl base) {
    return LatchkeyClient.builder("OnDemandApi")
        .baseUrl(base.toString())
        .xml(true)
        .okHttpClient(Hostile.baseClient())
        .auth(DigestScheme.builder()
            .credentials(() -> new UserPassword("robot_user", "digest-Pa55word"))
            .build())
        .build();
  }

  private int get() throws IOException {
    Request request =
        new Request.Builder().url(client.baseUrl().resolve("products")).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      response.body().string();
      return response.code();
    }
  }

  private void assertUsable(Hostile.Phases phases) throws IOException {
    phases.sane();
    assertEquals(200, within(this::get), "the client is usable after the hostile answers");
    assertTrue(
        phases.saneRequests() <= 2, "sane call took " + phases.saneRequests() + " exchanges");
  }

  @Test
  void unauthorizedForeverEndsAfterTwoExchanges() throws IOException {
    Hostile.Phases phases = serve(request -> challenge("n-" + System.nanoTime()));
    fails(AuthenticationFailedException.class, this::get);
    assertEquals(2, phases.hostileRequests());
    assertUsable(phases);
  }

  @Test
  void staleForeverEndsAfterTwoExchangesOfAWarmCall() throws IOException {
    Hostile.Phases phases = serve(DigestHostileTest::sane);
    phases.sane();
    assertEquals(200, within(this::get));
    phases.hostile(request -> new MockResponse.Builder()
        .code(401)
        .addHeader(
            "WWW-Authenticate", String.format(CHALLENGE, "n-" + System.nanoTime()) + ", stale=true")
        .build());
    // stale=true says the password was right: a typed failure, but not "wrong password"
    fails(UnexpectedAnswerException.class, this::get);
    assertEquals(2, phases.hostileRequests(), "cached nonce refused, one fresh retry, then stop");
    assertUsable(phases);
  }

  static Stream<Arguments> brokenChallenges() {
    String many = String.join(", ", java.util.Collections.nCopies(5000, "Digest realm=\"r\""));
    return Stream.of(
        Arguments.of("bare scheme", "Digest"),
        Arguments.of("no nonce", "Digest realm=\"r\", qop=\"auth\""),
        Arguments.of("empty value", "Digest realm=, nonce="),
        Arguments.of("unterminated quote", "Digest realm=\"r, nonce=\"n"),
        Arguments.of("duplicate parameter", "Digest realm=\"r\", realm=\"s\", nonce=\"n\""),
        Arguments.of("unknown algorithm", "Digest realm=\"r\", nonce=\"n\", algorithm=ROT13"),
        Arguments.of("unknown qop only", "Digest realm=\"r\", nonce=\"n\", qop=\"magic\""),
        Arguments.of("other scheme", "Basic realm=\"r\""),
        Arguments.of("control characters", "Digest realm=\"\u0001\u007f\", nonce=\"\u0000\""),
        Arguments.of(
            "100 KB header line", "Digest realm=\"r\", nonce=\"" + "x".repeat(100_000) + "\""),
        Arguments.of("5000 challenges in one header", many),
        Arguments.of("separators only", ", , ,,,"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenChallenges")
  void brokenChallengeIsOneTypedFailure(String what, String header) throws IOException {
    Hostile.Phases phases = serve(request -> new MockResponse.Builder()
        .code(401)
        .addHeaderLenient("WWW-Authenticate", header)
        .build());
    UnexpectedAnswerException e = fails(UnexpectedAnswerException.class, this::get);
    assertFalse(e.getMessage().contains("x".repeat(200)), "message quotes the flood");
    assertEquals(1, phases.hostileRequests(), what);
    assertUsable(phases);
  }

  @Test
  void thousandsOfChallengeHeadersAreReadOnlyInPart() throws IOException {
    Hostile.Phases phases = serve(request -> {
      MockResponse.Builder response = new MockResponse.Builder().code(401);
      for (int i = 0; i < 3000; i++) {
        response.addHeader("WWW-Authenticate", "Newauth realm=\"r" + i + "\"");
      }
      return response.build();
    });
    fails(UnexpectedAnswerException.class, this::get);
    assertEquals(1, phases.hostileRequests());
    assertUsable(phases);
  }

  @Test
  void rspauthThatProvesNothingIsRefused() throws IOException {
    Hostile.Phases phases = serve(request -> request.getHeaders().get("Authorization") == null
        ? challenge("n1")
        : new MockResponse.Builder()
            .code(200)
            .addHeader("Authentication-Info", "rspauth=\"00000000000000000000000000000000\"")
            .body("<items/>")
            .build());
    fails(UnexpectedAnswerException.class, this::get);
    assertEquals(2, phases.hostileRequests());
    assertUsable(phases);
  }

  static Stream<Arguments> brokenXml() {
    return Stream.of(
        Arguments.of("garbage", "\u0000\u0001 not xml at all <<<"),
        Arguments.of("truncated", "<items><item>a</item><item>b"),
        Arguments.of("deeply nested", "<items>" + "<item>".repeat(50_000)),
        Arguments.of(
            "entity expansion",
            "<?xml version=\"1.0\"?><!DOCTYPE items ["
                + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">"
                + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">"
                + "]><items><item>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</item></items>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenXml")
  void brokenXmlBodyIsAParseFailureNotACrash(String what, String body) throws IOException {
    Hostile.Phases phases = serve(request -> request.getHeaders().get("Authorization") == null
        ? challenge("n1")
        : new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/xml")
            .body(body)
            .build());
    Catalog catalog = client.create(Catalog.class);
    // Retrofit hands the body to Jackson: its typed parse failure is the right outcome.
    fails(JacksonException.class, () -> catalog.products().execute());
    assertEquals(2, phases.hostileRequests(), what);
    phases.sane();
    assertEquals(List.of("a"), within(() -> catalog.products().execute().body().item));
  }

  @Test
  void externalEntityIsNeverResolved() throws IOException {
    String xxe = "<?xml version=\"1.0\"?>"
        + "<!DOCTYPE items [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
        + "<items><item>&x;</item></items>";
    serve(request -> request.getHeaders().get("Authorization") == null
        ? challenge("n1")
        : new MockResponse.Builder().code(200).body(xxe).build());
    Catalog catalog = client.create(Catalog.class);
    String host = java.nio.file.Files.readString(
            java.nio.file.Path.of("/etc/hostname"), StandardCharsets.UTF_8)
        .trim();
    try {
      retrofit2.Response<Items> answer = within(() -> catalog.products().execute());
      Items items = answer.body();
      String seen = items == null || items.item == null ? "" : String.join(",", items.item);
      assertFalse(!host.isEmpty() && seen.contains(host), "an external entity was resolved");
    } catch (org.opentest4j.AssertionFailedError e) {
      throw e;
    } catch (Exception refused) {
      assertTrue(refused instanceof IOException, "refused with " + refused);
    }
  }

  @Test
  void challengeDrippedForeverEndsAtTheCallTimeout() throws IOException {
    AtomicBoolean hostile = new AtomicBoolean(true);
    raw = new RawServer((index, head, socket) -> {
      if (hostile.get()) {
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 401 X\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\""
            .getBytes(StandardCharsets.ISO_8859_1));
        RawServer.dripBytes(socket, 500); // header bytes, never a line end
        return;
      }
      rawSane(head, socket);
    });
    client = client(raw.url("api/"));
    long start = System.nanoTime();
    fails(InterruptedIOException.class, this::get);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMs < Hostile.HANG_GUARD.toMillis(), "took " + tookMs + " ms");
    assertEquals(1, raw.requestCount());
    hostile.set(false);
    assertEquals(200, within(this::get));
  }

  @Test
  void connectionResetMidChallengeIsATransportFailure() throws IOException {
    AtomicBoolean hostile = new AtomicBoolean(true);
    raw = new RawServer((index, head, socket) -> {
      if (hostile.get()) {
        RawServer.reset(socket, "HTTP/1.1 401 X\r\nWWW-Authenticate: Digest realm=\"r\", no");
        return;
      }
      rawSane(head, socket);
    });
    client = client(raw.url("api/"));
    IOException e = fails(IOException.class, this::get);
    assertFalse(e instanceof dev.latchkey.runtime.LatchkeyException, "not a server answer: " + e);
    assertTrue(raw.requestCount() <= 2, "requests: " + raw.requestCount());
    hostile.set(false);
    assertEquals(200, within(this::get));
  }

  @Test
  void hundredKilobyteHeaderOnASuccessIsHarmless() throws IOException {
    Hostile.Phases phases = serve(request -> request.getHeaders().get("Authorization") == null
        ? challenge("n1")
        : new MockResponse.Builder()
            .code(200)
            .addHeader("X-Junk", "j".repeat(100_000))
            .body("<items/>")
            .build());
    assertEquals(200, within(this::get));
    assertEquals(2, phases.hostileRequests());
  }

  static void rawSane(String head, java.net.Socket socket) throws IOException {
    if (!head.contains("\r\nAuthorization: ")) {
      RawServer.answer(
          socket, 401, "WWW-Authenticate: " + String.format(CHALLENGE, "raw") + "\r\n", "");
    } else {
      RawServer.answer(socket, 200, "Content-Type: application/xml\r\n", "<items/>");
    }
  }
}
