package dev.latchkey.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** {@link AuthContext#listening()}: engines skip building events only when nobody listens. */
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
    AuthContext context = new AuthContext("Api", BASE, CLOCK,
        AuthEventListener.NONE.andThen(events::add), new OkHttpClient());
    assertTrue(context.listening());
    context.emit(AuthEvent.Type.NONCE_REUSED, "h:1", "realm=r");
    assertEquals(List.of(new AuthEvent(AuthEvent.Type.NONCE_REUSED, "h:1", "realm=r",
        Instant.EPOCH)), events);
  }
}
