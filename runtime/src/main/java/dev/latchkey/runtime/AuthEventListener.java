package dev.latchkey.runtime;

/**
 * Receives every {@link AuthEvent}. Called synchronously on the thread that caused the event, so
 * implementations must be fast and thread-safe, and must not throw.
 */
@FunctionalInterface
public interface AuthEventListener {
  /** Ignores every event. */
  AuthEventListener NONE = event -> {};

  void onEvent(AuthEvent event);

  /** A listener that calls this one, then {@code other}. */
  default AuthEventListener andThen(AuthEventListener other) {
    return event -> {
      onEvent(event);
      other.onEvent(event);
    };
  }
}
