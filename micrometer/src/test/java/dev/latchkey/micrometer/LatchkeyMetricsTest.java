package dev.latchkey.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.runtime.AuthEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Event-to-meter mapping, hand-built clients, and concurrent recording. */
class LatchkeyMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private static AuthEvent event(AuthEvent.Type type, String client, Duration duration) {
    return new AuthEvent(type, client, "h", "d", Instant.EPOCH, duration);
  }

  @Test
  void eventsBeforeBindingAreNotRecordedAndNothingThrows() {
    LatchkeyMetrics metrics = new LatchkeyMetrics().authKind("Hand", "token");
    metrics.onEvent(event(AuthEvent.Type.LOGIN, "Hand", Duration.ofMillis(5)));
    metrics.bindTo(registry);
    assertEquals(
        0,
        registry
            .get(LatchkeyMetrics.LOGINS)
            .tag("client", "Hand")
            .tag("outcome", "success")
            .counter()
            .count());
  }

  @Test
  void aHandBuiltClientIsTaggedWithTheKindItWasGiven() {
    LatchkeyMetrics metrics = new LatchkeyMetrics().authKind("Hand", "token");
    metrics.bindTo(registry);
    metrics.onEvent(event(AuthEvent.Type.LOGIN, "Hand", Duration.ofMillis(5)));
    metrics.onEvent(event(AuthEvent.Type.LOGIN_FAILED, "Hand", null));
    metrics.onEvent(event(AuthEvent.Type.RENEWED, "Hand", null));
    metrics.onEvent(event(AuthEvent.Type.NOTICE, "Hand", null));
    assertEquals(
        1,
        registry
            .get(LatchkeyMetrics.LOGINS)
            .tags("client", "Hand", "auth", "token", "outcome", "success")
            .counter()
            .count());
    assertEquals(
        1,
        registry
            .get(LatchkeyMetrics.LOGINS)
            .tags("outcome", "failure", "client", "Hand")
            .counter()
            .count());
    assertEquals(
        1,
        registry
            .get(LatchkeyMetrics.RENEWALS)
            .tags("client", "Hand", "what", "session")
            .counter()
            .count());
    assertEquals(
        5,
        registry
            .get(LatchkeyMetrics.LOGIN_DURATION)
            .tag("client", "Hand")
            .timer()
            .totalTime(TimeUnit.MILLISECONDS));
  }

  @Test
  void anUnknownClientIsTaggedUnknown() {
    LatchkeyMetrics metrics = new LatchkeyMetrics();
    metrics.bindTo(registry);
    metrics.onEvent(event(AuthEvent.Type.REJECTED, "", null));
    assertEquals(
        1,
        registry
            .get(LatchkeyMetrics.REJECTIONS)
            .tags("client", "unknown", "auth", "unknown")
            .counter()
            .count());
    assertNull(registry.find(LatchkeyMetrics.REJECTIONS).tag("client", "").counter());
  }

  @Test
  void concurrentEventsAreAllCounted() throws Exception {
    LatchkeyMetrics metrics = new LatchkeyMetrics().authKind("Hand", "digest");
    metrics.bindTo(registry);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 8000; i++) {
      pool.execute(() -> metrics.onEvent(event(AuthEvent.Type.NONCE_REUSED, "Hand", null)));
    }
    pool.shutdown();
    assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(
        8000,
        registry
            .get(LatchkeyMetrics.NONCE_REUSES)
            .tag("client", "Hand")
            .counter()
            .count());
  }
}
