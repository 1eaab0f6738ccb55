package dev.latchkey.runtime;

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
}
