package dev.latchkey.runtime;

/**
 * The server answered something the protocol does not allow: a malformed challenge, a login answer
 * without a token, a body that does not parse. Says what was expected; never quotes a secret.
 */
public class UnexpectedAnswerException extends LatchkeyException {
  private static final long serialVersionUID = 1L;

  public UnexpectedAnswerException(String message) {
    super(message);
  }

  public UnexpectedAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
