package dev.latchkey.runtime.store;

import dev.latchkey.runtime.LatchkeyException;

/**
 * A session store cannot be used safely for this operation: its login lock was not had within the
 * bounded wait, one of its files is a symbolic link someone else owns, or a file was written in a
 * newer format this version must not overwrite. The message names the file or account (never a
 * token) and what to do.
 */
public class SessionStoreException extends LatchkeyException {
  private static final long serialVersionUID = 1L;

  public SessionStoreException(String message) {
    super(message);
  }
}
