package dev.latchkey.runtime.hostile;

import static dev.latchkey.runtime.hostile.Hostile.fails;
import static dev.latchkey.runtime.hostile.Hostile.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AccessDeniedException;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.RateLimitedException;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.header.HeaderScheme;
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

/** The header engine (MediaSilo-shaped sessions) against refusing, lying, dripping servers. */
class HeaderHostileTest {
  static final String API_KEY = "ms-api-key-0123456789";
  static final String PASSWORD = "MediaSilo-Pa55word";
  private static final AtomicInteger KEYS = new AtomicInteger();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private MockWebServer server;
  private RawServer raw;
  private LatchkeyClient client;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (raw != null) {
      raw.close();
    }
    if (client != null) {
      client.close();
    }
  }

  static HeaderScheme.Builder mediaSilo() {
    return HeaderScheme.builder()
        .header("MediaSiloHostContext", "hostContext", false, "acme")
        .header("MediaSiloApiKey", "apiKey", true, API_KEY)
        .session("session", "/userName", "/password", "/id", "MediaSiloSessionKey",
            Duration.ofMinutes(60), "session/{key}")
        .sessionBodyField("/accountName", "hostContext")
        .maxRateLimitWait(Duration.ofSeconds(1))
        .credentials(() -> new UserPassword("carol", PASSWORD));
  }

  static boolean isCreate(RecordedRequest request) {
    return request.getMethod().equals("POST")
        && request.getUrl().encodedPath().endsWith("/session");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }

  static MockResponse sane(RecordedRequest request) {
    if (isCreate(request)) {
      return json(200, "{\"id\":\"sess-" + KEYS.incrementAndGet() + "\"}");
    }
    String key = request.getHeaders().get("MediaSiloSessionKey");
    return json(key != null && key.startsWith("sess-") ? 200 : 401, "{}");
  }

  private Hostile.Phases serve(Function<RecordedRequest, MockResponse> hostile) throws IOException {
    Hostile.Phases phases = new Hostile.Phases(hostile, HeaderHostileTest::sane);
    server = new MockWebServer();
    server.setDispatcher(phases);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = client(server.url("/v3/"));
    return phases;
  }

  private LatchkeyClient client(HttpUrl base) {
    return LatchkeyClient.builder("MediaSiloApi").baseUrl(base.toString()).clock(clock)
        .okHttpClient(Hostile.baseClient()).auth(mediaSilo().build()).build();
  }

  private int get() throws IOException {
    Request request = new Request.Builder().url(client.baseUrl().resolve("me")).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      response.body().string();
      return response.code();
    }
  }

  private void assertUsable(Hostile.Phases phases) throws IOException {
    phases.sane();
    assertEquals(200, within(this::get), "the client is usable after the hostile answers");
    assertTrue(phases.saneRequests() <= 3,
        "sane call took " + phases.saneRequests() + " exchanges");
  }

  @Test
  void freshSessionRefusedAtOnceIsOneFailureAfterTwoRequests() throws IOException {
    Hostile.Phases phases = serve(request -> isCreate(request) ? sane(request) : json(401, "{}"));
    fails(AuthenticationFailedException.class, this::get);
    assertEquals(2, phases.hostileRequests(), "create, call; no retry of a never-accepted session");
    assertUsable(phases);
  }

  @Test
  void provenSessionRefusedForeverIsRenewedOnceThenFails() throws IOException {
    Hostile.Phases phases = serve(HeaderHostileTest::sane);
    phases.sane();
    assertEquals(200, within(this::get));
    phases.hostile(request -> isCreate(request) ? sane(request) : json(401, "{}"));
    fails(AuthenticationFailedException.class, this::get);
    assertEquals(3, phases.hostileRequests(), "call, one new session, one replay");
    assertUsable(phases);
  }

  /**
   * Found by fuzzing: the replay with the new session is rate limited, the one retry after the
   * wait is refused again. That retry must not re-create the session a second time in one call.
   */
  @Test
  void rateLimitBetweenTwoRefusalsStillRenewsOnlyOnce() throws IOException {
    Hostile.Phases phases = serve(HeaderHostileTest::sane);
    phases.sane();
    assertEquals(200, within(this::get));
    AtomicInteger gets = new AtomicInteger();
    phases.hostile(request -> {
      if (isCreate(request)) {
        return sane(request);
      }
      return gets.incrementAndGet() == 2
          ? new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build()
          : json(401, "{}");
    });
    fails(AuthenticationFailedException.class, this::get);
    assertEquals(4, phases.hostileRequests(), "call, one new session, replay (429), one retry");
    assertUsable(phases);
  }

  /** Found by fuzzing: a server may quote the password back; the quoted reason blanks it. */
  @Test
  void aServerEchoingThePasswordNeverGetsItIntoAMessage() throws IOException {
    serve(request -> isCreate(request) ? sane(request)
        : json(403, "{\"message\":\"wrong password " + PASSWORD + "\"}"));
    AccessDeniedException denied = fails(AccessDeniedException.class, this::get);
    assertFalse(denied.getMessage().contains(PASSWORD), denied.getMessage());
    assertTrue(denied.getMessage().contains("wrong password ██"), denied.getMessage());
  }

  static Stream<Arguments> brokenSessionAnswers() {
    return Stream.of(
        Arguments.of("200 and no id", "{\"session\":\"x\"}"),
        Arguments.of("id is an object", "{\"id\":{\"a\":1}}"),
        Arguments.of("id is blank", "{\"id\":\" \"}"),
        Arguments.of("id a header cannot carry", "{\"id\":\"sess-\\u0000\\r\\nX-Evil: 1\"}"),
        Arguments.of("garbage", "\u0000\u0001\u0002"),
        Arguments.of("truncated", "{\"id\":\"sess-"),
        Arguments.of("deeply nested", "[".repeat(100_000)),
        Arguments.of("huge", "{\"id\":\"sess-1\",\"pad\":\"" + "p".repeat(5_000_000) + "\"}"),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSessionAnswers")
  void brokenSessionAnswerIsOneTypedFailure(String what, String body) throws IOException {
    Hostile.Phases phases = serve(request -> isCreate(request) ? json(200, body) : sane(request));
    UnexpectedAnswerException e = fails(UnexpectedAnswerException.class, this::get);
    assertFalse(e.getMessage().contains("Evil"), e.getMessage());
    assertEquals(1, phases.hostileRequests(), what);
    assertUsable(phases);
  }

  @Test
  void rateLimitedForeverWaitsOnceThenFails() throws IOException {
    Hostile.Phases phases = serve(request -> isCreate(request) ? sane(request)
        : new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
    fails(RateLimitedException.class, this::get);
    assertEquals(3, phases.hostileRequests(), "create, call, one retry after the wait");
    assertUsable(phases);
  }

  @Test
  void absurdRetryAfterIsNotWaitedOut() throws IOException {
    Hostile.Phases phases = serve(request -> isCreate(request) ? sane(request)
        : new MockResponse.Builder().code(429).addHeader("Retry-After", "9".repeat(40)).build());
    fails(RateLimitedException.class, this::get);
    assertEquals(2, phases.hostileRequests());
    assertUsable(phases);
  }

  @Test
  void hundredKilobyteHeadersOnTheSessionAnswerAreHarmless() throws IOException {
    Hostile.Phases phases = serve(request -> isCreate(request)
        ? new MockResponse.Builder().code(200).addHeader("X-Junk", "j".repeat(100_000))
            .body("{\"id\":\"sess-big\"}").build()
        : sane(request));
    assertEquals(200, within(this::get));
    assertEquals(2, phases.hostileRequests());
  }

  @Test
  void sessionAnswerDrippedForeverEndsAtTheCallTimeout() throws IOException {
    AtomicBoolean hostile = new AtomicBoolean(true);
    raw = new RawServer((index, head, socket) -> {
      if (hostile.get()) {
        RawServer.drip(socket, 200, "Content-Type: application/json\r\n", 300);
      } else {
        rawSane(head, socket);
      }
    });
    client = client(raw.url("v3/"));
    fails(InterruptedIOException.class, this::get);
    assertEquals(1, raw.requestCount());
    hostile.set(false);
    assertEquals(200, within(this::get));
  }

  @Test
  void connectionResetDuringSessionCreationIsATransportFailure() throws IOException {
    AtomicBoolean hostile = new AtomicBoolean(true);
    raw = new RawServer((index, head, socket) -> {
      if (hostile.get()) {
        RawServer.reset(socket, "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"id\":");
      } else {
        rawSane(head, socket);
      }
    });
    client = client(raw.url("v3/"));
    fails(IOException.class, this::get);
    assertTrue(raw.requestCount() <= 2, "requests " + raw.requestCount());
    hostile.set(false);
    assertEquals(200, within(this::get));
  }

  static void rawSane(String head, java.net.Socket socket) throws IOException {
    if (head.startsWith("POST ")) {
      RawServer.answer(socket, 200, "", "{\"id\":\"sess-raw\"}");
    } else {
      RawServer.answer(socket, head.contains("\r\nMediaSiloSessionKey: sess-raw") ? 200 : 401, "",
          "{}");
    }
  }
}
