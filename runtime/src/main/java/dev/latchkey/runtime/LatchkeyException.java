package dev.latchkey.runtime;

import java.io.IOException;

/**
 * The base of every failure Latchkey raises from inside an HTTP call. It extends {@link
 * IOException} because OkHttp interceptors may only throw that. Messages name what went wrong and
 * never contain a secret.
 */
public class LatchkeyException extends IOException {
  private static final long serialVersionUID = 1L;

  public LatchkeyException(String message) {
    super(message);
  }

  public LatchkeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
