package dev.latchkey.runtime;

/**
 * The server said the session was gone, but the request's body is one-shot (a stream), so it
 * cannot be sent again after a re-login. The session is renewed on the next call; the caller may
 * rebuild the body and retry.
 */
public class ReplayRefusedException extends LatchkeyException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, which names the call and never a secret. */
  public ReplayRefusedException(String message) {
    super(message);
  }
}
