package dev.latchkey.runtime;

/**
 * The server refused the credentials themselves (wrong user name or password). Terminal: the
 * client does not retry, because retrying a bad password can lock the account.
 */
public class AuthenticationFailedException extends LatchkeyException {
  private static final long serialVersionUID = 1L;

  public AuthenticationFailedException(String message) {
    super(message);
  }
}
