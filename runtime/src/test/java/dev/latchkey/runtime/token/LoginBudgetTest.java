package dev.latchkey.runtime.token;

import dev.latchkey.runtime.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.runtime.LoginThrottledException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginBudgetTest {
  @Test
  void slidingWindowAllowsTenThenTheOldestDecides() {
    LoginBudget budget = new LoginBudget(10, Duration.ofMinutes(5));
    for (int i = 0; i < 10; i++) {
      assertEquals(-1, budget.tryReserve(i * 1000L));
    }
    assertEquals(300_000L, budget.tryReserve(10_000L));
    assertEquals(300_000L, budget.tryReserve(299_999L));
    assertEquals(-1, budget.tryReserve(300_000L));
    assertEquals(301_000L, budget.tryReserve(300_000L));
  }

  @Test
  void serverBlockWinsAndFrozenClockCannotLoop() throws Exception {
    LoginBudget budget = new LoginBudget(0, null);
    budget.blockUntil(5_000L);
    assertEquals(5_000L, budget.tryReserve(1_000L));
    MutableClock frozen = new MutableClock(Instant.ofEpochMilli(4_990L));
    LoginThrottledException e = assertThrows(LoginThrottledException.class,
        () -> budget.reserve(frozen, Duration.ofMillis(20)));
    assertEquals(Instant.ofEpochMilli(5_000L), e.nextLoginAllowed());
    assertThrows(LoginThrottledException.class, () -> budget.reserve(frozen, Duration.ZERO));
  }
}
