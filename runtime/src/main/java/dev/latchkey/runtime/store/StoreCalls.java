package dev.latchkey.runtime.store;

import dev.latchkey.runtime.LatchkeyException;
import java.io.IOException;
import java.util.concurrent.Callable;

/** Runs a store action, passing IO and unchecked exceptions through unchanged. */
final class StoreCalls {
  private StoreCalls() {}

  static <T> T call(Callable<T> action) throws IOException {
    try {
      return action.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new LatchkeyException("session store action failed", e);
    }
  }
}
