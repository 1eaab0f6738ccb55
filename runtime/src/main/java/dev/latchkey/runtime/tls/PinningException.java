package dev.latchkey.runtime.tls;

import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A server's certificate chain failed the client's {@link TlsPolicy}: no pin matched, the host is
 * covered by no pinned pattern while pins are required for all hosts, or a pinned host was reached
 * over plain HTTP. It extends {@link SSLPeerUnverifiedException} (an {@link java.io.IOException}),
 * so OkHttp treats it as a TLS failure and does not retry another route.
 *
 * <p>The message names the host, says "certificate pinning" and lists the chain's SPKI pins (public
 * values: hashes of public keys), which is what an operator needs to update pins.
 */
public final class PinningException extends SSLPeerUnverifiedException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final List<String> chainPins;

  PinningException(String host, List<String> chainPins, String message) {
    super(message);
    this.host = host;
    this.chainPins = List.copyOf(chainPins);
  }

  /** The host whose connection failed. */
  public String host() {
    return host;
  }

  /** The SPKI pins of the server's chain, leaf first (empty for plain HTTP). */
  public List<String> chainPins() {
    return chainPins;
  }
}
