package dev.latchkey.runtime.header;

import java.time.Duration;

/** Waits; replaced in tests so that no test depends on the wall clock. */
@FunctionalInterface
interface Sleeper {
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
