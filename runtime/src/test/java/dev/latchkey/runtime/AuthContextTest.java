package dev.latchkey.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthContext#listening()}: engines skip building events only when nobody listens; {@link
 * AuthContext#emit} names the client, carries durations and isolates a listener that throws.
 */
class AuthContextTest {
  private static final HttpUrl BASE = HttpUrl.get("http://localhost/");
  private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

  @Test
  void theDefaultListenerIsNotListening() {
    AuthContext context =
        new AuthContext("Api", BASE, CLOCK, AuthEventListener.NONE, new OkHttpClient());
    assertFalse(context.listening());
    context.emit(AuthEvent.Type.NONCE_REUSED, "h:1", "realm=r"); // goes nowhere, no failure
  }

  @Test
  void anyOtherListenerGetsEveryEvent() {
    List<AuthEvent> events = new ArrayList<>();
    AuthContext context = new AuthContext(
        "Api", BASE, CLOCK, AuthEventListener.NONE.andThen(events::add), new OkHttpClient());
    assertTrue(context.listening());
    context.emit(AuthEvent.Type.NONCE_REUSED, "h:1", "realm=r");
    assertEquals(
        List.of(new AuthEvent(
            AuthEvent.Type.NONCE_REUSED, "Api", "h:1", "realm=r", Instant.EPOCH, null)),
        events);
  }

  @Test
  void anEventThatEndsSomethingCarriesTheClientAndTheDuration() {
    List<AuthEvent> events = new ArrayList<>();
    AuthContext context = new AuthContext("XandrApi", BASE, CLOCK, events::add, new OkHttpClient());
    context.emit(AuthEvent.Type.LOGIN, "h", "generation 1", Duration.ofMillis(42));
    AuthEvent event = events.get(0);
    assertEquals("XandrApi", event.client());
    assertTrue(event.hasDuration());
    assertEquals(Duration.ofMillis(42), event.duration());
  }

  @Test
  void theOldConstructorNamesNoClientAndNoDuration() {
    AuthEvent event = new AuthEvent(AuthEvent.Type.NOTICE, "h", "d", Instant.EPOCH);
    assertEquals("", event.client());
    assertFalse(event.hasDuration());
  }

  @Test
  void aListenerThatThrowsNeverFailsTheEmitter() {
    AtomicInteger calls = new AtomicInteger();
    AuthEventListener broken = event -> {
      calls.incrementAndGet();
      throw new IllegalStateException("a metrics bug");
    };
    AuthContext context = new AuthContext("Api", BASE, CLOCK, broken, new OkHttpClient());
    assertDoesNotThrow(() -> context.emit(AuthEvent.Type.LOGIN, "h", "d", Duration.ZERO));
    assertDoesNotThrow(() -> context.emit(AuthEvent.Type.LOGIN, "h", "d"));
    assertEquals(2, calls.get()); // still called each time: the next event may not trip the bug
  }

  @Test
  void aThrowingListenerDoesNotStopTheNextOneInTheChain() {
    List<AuthEvent> events = new ArrayList<>();
    AuthEventListener broken = event -> {
      throw new IllegalStateException("a metrics bug");
    };
    AuthContext context =
        new AuthContext("Api", BASE, CLOCK, broken.andThen(events::add), new OkHttpClient());
    context.emit(AuthEvent.Type.LOGIN, "h", "d");
    assertEquals(1, events.size());
  }
}
