package dev.latchkey.runtime;

import java.lang.System.Logger.Level;

/**
 * Receives every {@link AuthEvent}. Called synchronously on the thread that caused the event, so
 * implementations must be fast and thread-safe, and should not throw: an exception thrown from
 * here is caught and logged by the engine (see {@link AuthContext#emit}), never passed to the call.
 */
@FunctionalInterface
public interface AuthEventListener {
  /** Ignores every event. */
  AuthEventListener NONE = event -> {};

  /** Receives one event. */
  void onEvent(AuthEvent event);

  /**
   * A listener that calls this one, then {@code other}; {@code other} is called even when this one
   * throws (a broken metrics listener must not silence the logging one after it).
   */
  default AuthEventListener andThen(AuthEventListener other) {
    return event -> {
      try {
        onEvent(event);
      } finally {
        other.onEvent(event);
      }
    };
  }

  /**
   * Hands {@code event} to {@code listener}, isolated: an exception the listener throws is logged
   * once per listener class (the class only: its message could quote anything it was handed) and
   * dropped, so a bug in a metrics or logging listener never fails or hangs the call that emitted
   * (issue 14, defect 8). The one way every engine, the TLS reporter and the stores deliver events.
   */
  static void deliver(AuthEventListener listener, AuthEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      if (ListenerIsolation.WARNED.add(listener.getClass())) {
        ListenerIsolation.LOG.log(
            Level.WARNING,
            event.client() + ": an AuthEventListener ("
                + listener.getClass().getName() + ") threw " + e.getClass().getName()
                + "; the event is dropped and the call goes on. Reported once per listener class.");
      }
    }
  }
}
