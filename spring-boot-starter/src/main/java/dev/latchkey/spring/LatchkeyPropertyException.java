package dev.latchkey.spring;

/**
 * A Latchkey property is wrong: start-up fails with one message that names the property ({@code
 * latchkey.clients.xandr-api.base-url}) and says what is wrong, never its value when it is secret.
 */
public class LatchkeyPropertyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String property;

  /** {@code problem} about {@code property}, caused by {@code cause} (may be null). */
  public LatchkeyPropertyException(String property, String problem, Throwable cause) {
    super(property + ": " + problem, cause);
    this.property = property;
  }

  /** The full name of the wrong property. */
  public String property() {
    return property;
  }
}
