package dev.latchkey.runtime.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.SessionState;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LatchkeyClient#sessionState()} of a header-session client, and the login's duration. */
class HeaderSessionStateTest {
  private final FakeSessionServer fake = new FakeSessionServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final MockWebServer server = new MockWebServer();
  private final List<AuthEvent> events = new CopyOnWriteArrayList<>();
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

  @Test
  void noneThenLiveThenNoneWhenIdleThenClosed() throws Exception {
    client = Fixtures.client(Fixtures.mediaSilo().build(), server.url("/v3/"), clock, events::add);
    assertEquals(SessionState.Status.NONE, client.sessionState().status());
    assertEquals(200, Fixtures.get(client, "me"));
    assertEquals(SessionState.Status.LIVE, client.sessionState().status());
    assertEquals(1, fake.sessionsCreated.get());
    clock.advance(Duration.ofMinutes(61));
    assertEquals(SessionState.Status.NONE, client.sessionState().status());
    client.close();
    assertEquals(SessionState.Status.CLOSED, client.sessionState().status());
  }

  @Test
  void basicModeHasNoSessionToLose() {
    client = Fixtures.client(
        Fixtures.mediaSilo().basicAllowed(true).mode(HeaderAuthMode.BASIC).build(),
        server.url("/v3/"), clock, events::add);
    assertEquals(SessionState.Status.LIVE, client.sessionState().status());
  }

  @Test
  void theSessionEventNamesTheClientAndCarriesTheWireTime() throws Exception {
    client = Fixtures.client(Fixtures.mediaSilo().build(), server.url("/v3/"), clock, events::add);
    assertEquals(200, Fixtures.get(client, "me"));
    AuthEvent login = events.stream().filter(e -> e.type() == AuthEvent.Type.LOGIN).findFirst().orElseThrow();
    assertEquals("MediaSiloApi", login.client());
    assertTrue(login.hasDuration());
    assertTrue(login.duration().compareTo(Duration.ofMinutes(1)) < 0, login.duration().toString());
  }
}
