package dev.latchkey.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginBudgetTest {
  @Test
  void slidingWindowAllowsTenThenTheOldestDecides() {
    LoginBudget budget = new LoginBudget(10, Duration.ofMinutes(5));
    for (int i = 0; i < 10; i++) {
      assertEquals(-1, budget.nextAllowed(i * 1000L));
      budget.record(i * 1000L);
    }
    assertEquals(300_000L, budget.nextAllowed(10_000L));
    assertEquals(300_000L, budget.nextAllowed(299_999L));
    assertEquals(-1, budget.nextAllowed(300_000L));
    budget.record(300_000L);
    assertEquals(301_000L, budget.nextAllowed(300_000L));
  }

  @Test
  void checkingRecordsNothing() {
    LoginBudget budget = new LoginBudget(1, Duration.ofMinutes(5));
    for (int i = 0; i < 5; i++) {
      assertEquals(-1, budget.nextAllowed(1_000L));
    }
    budget.record(1_000L);
    assertEquals(301_000L, budget.nextAllowed(1_000L));
  }

  @Test
  void serverBlockWinsOverAnEmptyBudget() {
    LoginBudget budget = new LoginBudget(0, null);
    budget.blockUntil(5_000L);
    assertEquals(5_000L, budget.nextAllowed(1_000L));
    assertEquals(5_000L, budget.blockedAt(4_999L));
    assertEquals(-1, budget.blockedAt(5_000L));
    assertEquals(-1, budget.nextAllowed(5_000L));
  }
}
