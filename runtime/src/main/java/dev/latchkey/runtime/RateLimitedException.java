package dev.latchkey.runtime;

import java.time.Duration;

/** The server said "too many requests" (429, or a legacy code) and asked to wait {@link #retryAfter()}. */
public class RateLimitedException extends LatchkeyException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message + " (retry after " + retryAfter + ")");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
