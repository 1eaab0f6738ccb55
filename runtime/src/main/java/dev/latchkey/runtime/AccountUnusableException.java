package dev.latchkey.runtime;

/**
 * The account cannot log in until a person acts: it is disabled, or its password expired. Terminal.
 */
public class AccountUnusableException extends LatchkeyException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  public AccountUnusableException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The server's code for the reason, e.g. {@code NOAUTH_DISABLED}. */
  public String reason() {
    return reason;
  }
}
