package dev.latchkey.runtime;

/** A client was configured wrongly: a missing value, an unknown environment, a bad URL. */
public class LatchkeyConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public LatchkeyConfigException(String message) {
    super(message);
  }
}
