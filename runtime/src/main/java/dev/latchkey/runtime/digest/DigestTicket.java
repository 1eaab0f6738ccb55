package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.http.Origin;
import java.io.IOException;
import kotlin.jvm.functions.Function0;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the application interceptor hands the signing network interceptor for one attempt: "sign
 * this call's hops with this nonce, for this origin only". The signer records what it sent so that
 * the answer's {@code Authentication-Info} can be checked.
 *
 * <p>It travels on the call (a {@link Slot} call tag), not on the request: a request tag meant
 * copying the request (about 300 bytes on every call, issue 17) only to reach the network
 * interceptor. A call tag is per call, not per attempt, so the slot holds the ticket only while
 * its attempt proceeds: a challenge fetch or a renewal probe of the same call goes out unsigned.
 * OkHttp runs one call's interceptors on one thread, one after the other, so the slot needs no
 * synchronization.
 */
final class DigestTicket {
  private final Origin origin;
  private final NonceState state;
  private volatile SignedRequest lastSigned;

  DigestTicket(Origin origin, NonceState state) {
    this.origin = origin;
    this.state = state;
  }

  /** The ticket of the attempt now proceeding on {@code chain}'s call, or null. */
  static DigestTicket of(Interceptor.Chain chain) {
    Slot slot = chain.call().tag(Slot.class);
    return slot == null ? null : slot.ticket;
  }

  /** Proceeds with {@code request} carrying this ticket; the call's slot is restored after. */
  Response proceed(Interceptor.Chain chain, Request request) throws IOException {
    Slot slot = chain.call().tag(Slot.class, Slot.NEW);
    DigestTicket outer = slot.ticket;
    slot.ticket = this;
    try {
      return chain.proceed(request);
    } finally {
      slot.ticket = outer;
    }
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

  /** The call tag that carries a call's current ticket. */
  private static final class Slot {
    /** Makes a slot for a call that has none; a class, not a lambda (cold start, issue 17). */
    private static final Function0<Slot> NEW = new Function0<>() {
      @Override
      public Slot invoke() {
        return new Slot();
      }
    };

    private DigestTicket ticket;
  }
}
