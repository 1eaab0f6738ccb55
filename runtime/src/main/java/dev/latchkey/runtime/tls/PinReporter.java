package dev.latchkey.runtime.tls;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import java.time.Clock;

/** Report-only mode's output: one log line and one {@code NOTICE} event per finding. */
final class PinReporter {
  private static final System.Logger LOG = System.getLogger("dev.latchkey.runtime.tls");

  private final AuthEventListener listener;
  private final Clock clock;

  PinReporter(AuthEventListener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  void report(String host, String finding) {
    String detail = "report-only: " + finding;
    LOG.log(System.Logger.Level.WARNING, detail);
    AuthEventListener.deliver(
        listener, new AuthEvent(AuthEvent.Type.NOTICE, host, detail, clock.instant()));
  }
}
