package dev.latchkey.runtime;

/**
 * Authenticated, but not allowed to do this (HTTP 403 after a fresh login, or a permission error
 * such as Xandr's {@code UNAUTH}). Logging in again would not help, so the client does not.
 */
public class AccessDeniedException extends LatchkeyException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }
}
