package dev.latchkey.runtime.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.store.InMemorySessionStore;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.runtime.store.SessionStore.StoredSession;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Header sessions (MediaSilo {@code POST /v3/session}) shared through a session store (issue 7).
 */
class HeaderSessionStoreTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeSessionServer fake = new FakeSessionServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final RecordingListener events = new RecordingListener();
  private final SessionStore store = new InMemorySessionStore();
  private final List<LatchkeyClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(fake);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    for (LatchkeyClient c : clients) {
      c.close();
    }
    server.close();
  }

  private LatchkeyClient newClient() {
    LatchkeyClient c = Fixtures.client(
        Fixtures.mediaSilo().sessionStore(store).build(), server.url("/v3/"), clock, events);
    synchronized (clients) {
      clients.add(c);
    }
    return c;
  }

  private StoredSession stored() throws IOException {
    String account = SessionStore.accountKey(
        "MediaSiloApi",
        "header",
        dev.latchkey.runtime.http.Origin.of(server.url("/v3/")),
        FakeSessionServer.USER + "\0MediaSiloHostContext=" + FakeSessionServer.HOST_CONTEXT);
    return store.load(account, n -> {}).orElseThrow();
  }

  @Test
  void clientsSharingAStoreCreateOneSessionAndTheStoreHoldsNoSecretButTheKey() throws Exception {
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CyclicBarrier together = new CyclicBarrier(n);
      List<Future<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        codes.add(pool.submit(() -> {
          LatchkeyClient c = newClient();
          together.await(30, TimeUnit.SECONDS);
          return Fixtures.get(c, "me");
        }));
      }
      for (Future<Integer> code : codes) {
        assertEquals(200, code.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, fake.sessionsCreated.get());
    StoredSession s = stored();
    assertEquals("key-1", s.token());
    assertFalse(s.toString().contains("key-1"));
  }

  @Test
  void anyClientsUseKeepsTheSharedSessionAliveAndCloseDoesNotEndIt() throws IOException {
    LatchkeyClient first = newClient();
    assertEquals(200, Fixtures.get(first, "me"));
    LatchkeyClient busy = newClient();
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertEquals(200, Fixtures.get(busy, "me"));
    }
    // 80 minutes after its creation, but used 0 minutes ago by another client: still shared
    assertEquals(200, Fixtures.get(newClient(), "me"));
    assertEquals(1, fake.sessionsCreated.get());
    first.close();
    assertEquals(List.of(), fake.deleted, "one client closing does not end the fleet's session");
    assertEquals(200, Fixtures.get(busy, "me"));
    clock.advance(Duration.ofMinutes(61));
    assertEquals(200, Fixtures.get(newClient(), "me"));
    assertEquals(2, fake.sessionsCreated.get(), "idle past 60 minutes everywhere: one new session");
    assertEquals(2, stored().generation());
  }

  @Test
  void aRejectedSessionIsForgottenByGenerationAndReplacedOnce() throws IOException {
    assertEquals(200, Fixtures.get(newClient(), "me"));
    LatchkeyClient other = newClient();
    assertEquals(200, Fixtures.get(other, "me"));
    fake.forgetSessions(); // the server ends key-1
    assertEquals(200, Fixtures.get(other, "me"));
    assertEquals(2, fake.sessionsCreated.get());
    assertEquals("key-2", stored().token());
    assertEquals(200, Fixtures.get(newClient(), "me"));
    assertEquals(2, fake.sessionsCreated.get(), "a third client adopts generation 2");
  }

  @Test
  void aStoreWithoutASessionDeclarationIsRefused() {
    HeaderScheme.Builder basic = HeaderScheme.builder()
        .header("X-Key", "apiKey", true, "v")
        .credentials(() -> null)
        .sessionStore(store);
    LatchkeyConfigException e = assertThrows(LatchkeyConfigException.class, basic::build);
    assertTrue(e.getMessage().contains("sessionStore"), e.getMessage());
  }
}
