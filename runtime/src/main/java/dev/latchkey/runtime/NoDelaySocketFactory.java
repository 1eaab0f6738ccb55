package dev.latchkey.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * Makes the sockets of another factory with {@code TCP_NODELAY} on (Nagle's algorithm off).
 *
 * <p>Why: OkHttp 5 never sets the option (unlike curl, Apache HttpClient 5 and Netty clients). A
 * small request leaves in one write, but OkHttp writes a larger body in 8 KiB pieces, and with
 * Nagle on each piece after the first waits until the server acknowledges the one before; a server
 * that has nothing to answer yet delays that ACK (40 ms on Linux), so a keep-alive POST of a large
 * JSON body could stall on every call (issue 17). Wrapping the client's own factory, instead of
 * replacing it, keeps whatever that factory does (binding an interface, a VPN's sockets).
 */
final class NoDelaySocketFactory extends SocketFactory {
  private final SocketFactory delegate;

  private NoDelaySocketFactory(SocketFactory delegate) {
    this.delegate = delegate;
  }

  /** {@code factory} with {@code TCP_NODELAY} added; already wrapped factories are returned as is. */
  static SocketFactory wrap(SocketFactory factory) {
    Objects.requireNonNull(factory, "factory");
    return factory instanceof NoDelaySocketFactory ? factory : new NoDelaySocketFactory(factory);
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    // The one OkHttp calls: it connects the socket itself.
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }

  // OkHttp pools connections per Address, which compares socket factories with equals(): two
  // clients built on the same base must still share connections.
  @Override
  public boolean equals(Object other) {
    return other instanceof NoDelaySocketFactory that && delegate.equals(that.delegate);
  }

  @Override
  public int hashCode() {
    return delegate.hashCode() * 31 + 7;
  }
}
