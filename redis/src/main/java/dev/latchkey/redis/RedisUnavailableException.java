package dev.latchkey.redis;

import dev.latchkey.runtime.LatchkeyException;

/**
 * Redis could not be reached (refused, timed out, disconnected) and the store's policy is {@link
 * RedisUnavailablePolicy#FAIL}, or a login lock could not be had in time. The message names the
 * Redis host and port, never a password.
 */
public class RedisUnavailableException extends LatchkeyException {
  private static final long serialVersionUID = 1L;

  public RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
