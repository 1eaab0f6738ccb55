package dev.latchkey.samples.cli;

import java.io.IOException;

/** A call got an answer outside 2xx that the auth engine did not turn into its own exception. */
public final class HttpStatusException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int code;

  /** {@code code} was answered to {@code request} (method and URL, which carry no secret). */
  public HttpStatusException(int code, String request) {
    super("HTTP " + code + " for " + request);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
