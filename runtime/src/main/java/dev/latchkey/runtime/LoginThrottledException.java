package dev.latchkey.runtime;

import java.time.Instant;

/**
 * A login was needed but the login budget (the client's own, or the server's throttle answer) does
 * not allow one before {@link #nextLoginAllowed()}.
 */
public class LoginThrottledException extends LatchkeyException {
  private static final long serialVersionUID = 1L;
  private final Instant nextLoginAllowed;

  public LoginThrottledException(String message, Instant nextLoginAllowed) {
    super(message + " (next login allowed at " + nextLoginAllowed + ")");
    this.nextLoginAllowed = nextLoginAllowed;
  }

  public Instant nextLoginAllowed() {
    return nextLoginAllowed;
  }
}
