package dev.latchkey.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void seconds() {
    assertEquals(Duration.ofSeconds(120), Bodies.retryAfter(" 120 ", NOW.toEpochMilli()));
  }

  @Test
  void httpDateFromRfc9110() {
    // RFC 9110 section 10.2.3's own example.
    assertEquals(
        Duration.ofMinutes(11),
        Bodies.retryAfter("Wed, 21 Oct 2015 07:39:00 GMT", NOW.toEpochMilli()));
  }

  @Test
  void dateInThePastMeansNow() {
    assertEquals(
        Duration.ZERO, Bodies.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", NOW.toEpochMilli()));
  }

  @Test
  void garbageAndAbsenceGiveEmpty() {
    assertEquals(null, Bodies.retryAfter("soon", NOW.toEpochMilli()));
    assertEquals(null, Bodies.retryAfter(null, NOW.toEpochMilli()));
    assertEquals(null, Bodies.retryAfter("-5", NOW.toEpochMilli()));
    assertEquals(null, Bodies.retryAfter("99999999999999999999999", NOW.toEpochMilli()));
  }
}
