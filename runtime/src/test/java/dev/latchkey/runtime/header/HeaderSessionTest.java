package dev.latchkey.runtime.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AccessDeniedException;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeaderSessionTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeSessionServer fake = new FakeSessionServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final RecordingListener events = new RecordingListener();
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(fake);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private LatchkeyClient client(HeaderScheme.Builder scheme) {
    client = Fixtures.client(scheme.build(), server.url("/v3/"), clock, events);
    return client;
  }

  private List<String> keysSentTo(String path) {
    List<String> keys = new ArrayList<>();
    for (RecordedRequest request : fake.requests) {
      if (request.getUrl().encodedPath().equals(path)) {
        keys.add(request.getHeaders().get("MediaSiloSessionKey"));
      }
    }
    return keys;
  }

  @Test
  void createsOneSessionAndReusesIt() throws IOException {
    client(Fixtures.mediaSilo());
    for (int i = 0; i < 3; i++) {
      assertEquals(200, Fixtures.get(client, "me"));
    }
    assertEquals(1, fake.sessionsCreated.get());
    assertEquals(List.of("key-1", "key-1", "key-1"), keysSentTo("/v3/me"));
    RecordedRequest create = fake.requests.get(0);
    assertEquals("POST", create.getMethod());
    String body = create.getBody().utf8();
    assertTrue(body.contains("\"accountName\":\"acme\""), body);
    assertEquals(FakeSessionServer.API_KEY, create.getHeaders().get("MediaSiloApiKey"));
    assertEquals(1, events.count(AuthEvent.Type.LOGIN));
  }

  @Test
  void renewsProactivelyOnceTheIdleLifetimeHasPassed() throws IOException {
    client(Fixtures.mediaSilo());
    assertEquals(200, Fixtures.get(client, "me"));
    // The engine renews a tenth of the lifetime (at most a minute) before the idle end.
    clock.advance(Duration.ofMinutes(58));
    assertEquals(200, Fixtures.get(client, "me")); // a use resets the idle clock
    clock.advance(Duration.ofMinutes(58));
    assertEquals(200, Fixtures.get(client, "me"));
    assertEquals(1, fake.sessionsCreated.get());
    clock.advance(Duration.ofMinutes(60));
    assertEquals(200, Fixtures.get(client, "me"));
    assertEquals(2, fake.sessionsCreated.get());
    assertEquals(List.of("key-1", "key-1", "key-1", "key-2"), keysSentTo("/v3/me"));
    assertEquals(0, events.count(AuthEvent.Type.REJECTED));
    assertEquals(1, events.count(AuthEvent.Type.RENEWED));
  }

  @Test
  void aRejectedSessionIsReplacedOnceAndTheCallReplayed() throws IOException {
    client(Fixtures.mediaSilo());
    assertEquals(200, Fixtures.get(client, "me"));
    fake.forgetSessions();
    assertEquals(200, Fixtures.get(client, "me"));
    assertEquals(2, fake.sessionsCreated.get());
    assertEquals(List.of("key-1", "key-1", "key-2"), keysSentTo("/v3/me"));
    assertEquals(1, events.count(AuthEvent.Type.REJECTED));
    assertEquals(1, events.count(AuthEvent.Type.RENEWED));
  }

  @Test
  void forbiddenWithAFreshSessionIsAccessDeniedWithoutAnotherSession() {
    client(Fixtures.mediaSilo());
    fake.forbidMe = true;
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> Fixtures.get(client, "me"));
    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    assertFalse(e.getMessage().contains("key-1"), e.getMessage());
    assertEquals(1, fake.sessionsCreated.get());
  }

  @Test
  void forbiddenAfterRenewalIsAccessDenied() throws IOException {
    client(Fixtures.mediaSilo());
    assertEquals(200, Fixtures.get(client, "me"));
    fake.forbidMe = true;
    assertThrows(AccessDeniedException.class, () -> Fixtures.get(client, "me"));
    assertEquals(2, fake.sessionsCreated.get()); // one re-creation, one replay, no more
    assertEquals(3, keysSentTo("/v3/me").size());
  }

  @Test
  void wrongPasswordIsTerminalAndNeverQuoted() {
    client(Fixtures.mediaSilo("acme", FakeSessionServer.API_KEY, "alice", "wrong-pass-123"));
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> Fixtures.get(client, "me"));
    assertTrue(e.getMessage().contains("'alice'"), e.getMessage());
    assertTrue(e.getMessage().contains("password"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-pass-123"), e.getMessage()); // the fake echoes it
    assertFalse(e.getMessage().contains(FakeSessionServer.API_KEY), e.getMessage());
    assertEquals(1, events.count(AuthEvent.Type.LOGIN_FAILED));
    assertEquals(1, fake.requests.size());
  }

  @Test
  void wrongApiKeyNamesTheHeaderButNotTheKey() {
    client(Fixtures.mediaSilo(
        "acme", "not-the-right-key", FakeSessionServer.USER, FakeSessionServer.PASSWORD));
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> Fixtures.get(client, "me"));
    assertTrue(e.getMessage().contains("MediaSiloApiKey"), e.getMessage());
    assertTrue(e.getMessage().contains("apiKey(..)"), e.getMessage());
    assertFalse(e.getMessage().contains("not-the-right-key"), e.getMessage());
    assertFalse(e.getMessage().contains(FakeSessionServer.PASSWORD), e.getMessage());
  }

  @Test
  void wrongHostContextIsNamedWithItsValue() {
    client(Fixtures.mediaSilo(
        "acne", FakeSessionServer.API_KEY, FakeSessionServer.USER, FakeSessionServer.PASSWORD));
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> Fixtures.get(client, "me"));
    assertTrue(e.getMessage().contains("MediaSiloHostContext='acne'"), e.getMessage());
  }

  @Test
  void sixtyFourThreadsOnAColdClientCreateOneSession() throws Exception {
    client(Fixtures.mediaSilo());
    fake.sessionDelayMillis = 100;
    int threads = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return Fixtures.get(client, "me");
        }));
      }
      go.countDown();
      for (Future<Integer> result : results) {
        assertEquals(200, result.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, fake.sessionsCreated.get());
    assertEquals(threads, keysSentTo("/v3/me").stream().filter("key-1"::equals).count());
  }

  @Test
  void manyThreadsRejectedTogetherReplaceTheSessionOnce() throws Exception {
    client(Fixtures.mediaSilo());
    assertEquals(200, Fixtures.get(client, "me"));
    fake.forgetSessions();
    fake.sessionDelayMillis = 50;
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> Fixtures.get(client, "me")));
      }
      for (Future<Integer> result : results) {
        assertEquals(200, result.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, fake.sessionsCreated.get());
  }

  @Test
  void oneShotBodiesAreNotReplayed() throws IOException {
    client(Fixtures.mediaSilo());
    assertEquals(200, Fixtures.get(client, "me"));
    fake.forgetSessions();
    Request upload = new Request.Builder()
        .url(client.baseUrl().resolve("upload"))
        .post(new OneShotBody())
        .build();
    assertThrows(
        dev.latchkey.runtime.ReplayRefusedException.class,
        () -> client.okHttpClient().newCall(upload).execute().close());
    assertEquals(1, keysSentTo("/v3/upload").size());
    assertEquals(200, Fixtures.get(client, "me")); // the next call makes a new session
    assertEquals(2, fake.sessionsCreated.get());
  }

  @Test
  void closeEndsTheSession() throws IOException {
    client(Fixtures.mediaSilo());
    assertEquals(200, Fixtures.get(client, "me"));
    client.close();
    client = null;
    assertEquals(List.of("key-1"), fake.deleted);
    RecordedRequest delete = fake.requests.get(fake.requests.size() - 1);
    assertEquals("DELETE", delete.getMethod());
    assertEquals(FakeSessionServer.API_KEY, delete.getHeaders().get("MediaSiloApiKey"));
    assertEquals(1, events.count(AuthEvent.Type.LOGGED_OUT));
  }

  @Test
  void closeWithoutSessionCallsNothing() throws IOException {
    client(Fixtures.mediaSilo());
    client.close();
    client = null;
    assertTrue(fake.requests.isEmpty());
  }

  /** A body that can be written once only (like a stream upload). */
  private static final class OneShotBody extends RequestBody {
    @Override
    public MediaType contentType() {
      return MediaType.get("application/octet-stream");
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeUtf8("data");
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
