package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.http.Origin;

/**
 * A request tag from the application interceptor to the signing network interceptor: "sign this
 * call's hops with this nonce, for this origin only". The signer records what it sent so that the
 * answer's {@code Authentication-Info} can be checked.
 */
final class DigestTicket {
  private final Origin origin;
  private final NonceState state;
  private volatile SignedRequest lastSigned;

  DigestTicket(Origin origin, NonceState state) {
    this.origin = origin;
    this.state = state;
  }

  Origin origin() {
    return origin;
  }

  NonceState state() {
    return state;
  }

  void signed(SignedRequest signed) {
    this.lastSigned = signed;
  }

  /** What the last hop was signed with; null if no hop was signed (all went to other origins). */
  SignedRequest lastSigned() {
    return lastSigned;
  }

  @Override
  public String toString() {
    return "DigestTicket{" + origin.label() + "}";
  }
}
