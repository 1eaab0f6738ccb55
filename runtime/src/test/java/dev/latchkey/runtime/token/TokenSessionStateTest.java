package dev.latchkey.runtime.token;

import static dev.latchkey.runtime.token.FakeXandr.json;
import static dev.latchkey.runtime.token.TokenTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.SessionState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LatchkeyClient#sessionState()} of a token client, and the login's duration in events. */
class TokenSessionStateTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeXandr fake = new FakeXandr(clock);
  private final MockWebServer server = new MockWebServer();
  private final List<AuthEvent> events = TokenTestSupport.events();
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(fake);
    server.start();
    client = TokenTestSupport.client(
        server.url("/").toString(), clock, TokenTestSupport.xandr().build(), events);
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  private SessionState.Status status() {
    return client.sessionState().status();
  }

  @Test
  void noneThenLiveThenNoneWhenIdleThenClosed() throws Exception {
    assertEquals(SessionState.Status.NONE, status());
    assertTrue(get(client, "member").startsWith("200 "));
    assertEquals(SessionState.Status.LIVE, status());
    assertEquals(1, fake.logins.get()); // the state was read without a call
    clock.advance(Duration.ofHours(3));
    assertEquals(SessionState.Status.NONE, status());
    client.close();
    assertEquals(SessionState.Status.CLOSED, status());
  }

  @Test
  void aRefusedPasswordIsReportedUntilTheBackoffEnds() {
    fake.login = request -> json(401, FakeXandr.NOAUTH);
    assertThrows(AuthenticationFailedException.class, () -> get(client, "member"));
    SessionState state = client.sessionState();
    assertEquals(SessionState.Status.REFUSED, state.status());
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), state.until());
    clock.advance(Duration.ofMinutes(5));
    assertEquals(SessionState.Status.NONE, status());
  }

  @Test
  void aServerThrottleIsReportedWithItsEnd() {
    fake.login = request ->
        json(200, "{\"response\":{\"error_id\":\"SYSTEM\",\"error_code\":\"RATE_EXCEEDED\"}}");
    assertThrows(LoginThrottledException.class, () -> get(client, "member"));
    SessionState state = client.sessionState();
    assertEquals(SessionState.Status.THROTTLED, state.status());
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), state.until());
  }

  @Test
  void healthReadsDuringConcurrentCallsNeverFailAndEndLive() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      work.add(pool.submit(() -> {
        for (int j = 0; j < 25; j++) {
          if (n % 2 == 0) {
            assertTrue(get(client, "member").startsWith("200 "));
          } else {
            assertNotNull(client.sessionState().status()); // from memory, never blocks on the login
          }
        }
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(SessionState.Status.LIVE, status());
    assertEquals(1, fake.logins.get()); // one login for every caller
  }

  @Test
  void theLoginEventNamesTheClientAndCarriesTheLoginDuration() throws Exception {
    assertTrue(get(client, "member").startsWith("200 "));
    AuthEvent login = events.stream().filter(e -> e.type() == AuthEvent.Type.LOGIN).findFirst().orElseThrow();
    assertEquals("XandrTest", login.client());
    assertTrue(login.hasDuration());
    assertEquals(Duration.ZERO, login.duration()); // the test clock stands still during the login
    assertTrue(events.stream().filter(e -> e.type() == AuthEvent.Type.REJECTED).allMatch(e -> !e.hasDuration()));
  }
}
