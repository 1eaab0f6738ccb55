package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.LatchkeyException;

/**
 * A digest exchange needed to send a request body a second time (after a challenge or a refused
 * nonce), or to read it for {@code qop=auth-int}, but the body is one-shot ({@code
 * RequestBody.isOneShot()}) or duplex. The body is never replayed; buffer it, or make one plain
 * call first so the client holds a nonce.
 */
public class BodyNotReplayableException extends LatchkeyException {
  private static final long serialVersionUID = 1L;

  BodyNotReplayableException(String message) {
    super(message);
  }
}
