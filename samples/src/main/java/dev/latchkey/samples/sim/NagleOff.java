package dev.latchkey.samples.sim;

/**
 * Turns Nagle's algorithm off on the JDK {@code HttpServer}'s connections, before the first
 * simulator server of the JVM is made.
 *
 * <p>Why: the JDK server writes an answer in two pieces, the headers (flushed by {@code
 * sendResponseHeaders}) and then the body. With Nagle on, the body waits until the client has
 * acknowledged the headers, and a client that has nothing to send yet delays that ACK (40 ms on
 * Linux): every keep-alive call stalled 40 ms (22 calls/s sequentially, issue 17). Writing the
 * answer in one piece would avoid it too, but {@code HttpExchange} offers no way to: the headers are
 * always flushed on their own. With {@code TCP_NODELAY} the second piece follows the first at once.
 *
 * <p>How: the server has no API for socket options; its only switch is the system property {@code
 * sun.net.httpserver.nodelay}, which the JDK reads once per JVM, when its first {@code HttpServer}
 * is created. So {@link #beforeFirstServer()} runs before every simulator server is created (one
 * place: {@link SimTls#create}), which is before the JDK reads it in every process the CLI starts.
 * A JVM that created another {@code HttpServer} earlier (an application embedding a simulator after
 * its own server) has already read the property; it keeps that value, and such a process should
 * pass {@code -Dsun.net.httpserver.nodelay=true} itself. A value given explicitly is respected, so
 * {@code -Dsun.net.httpserver.nodelay=false} still reproduces the stall (the benchmark measures
 * both side by side).
 */
final class NagleOff {
  static final String PROPERTY = "sun.net.httpserver.nodelay";

  private NagleOff() {}

  /** Sets {@link #PROPERTY} to {@code true} unless it was set explicitly. */
  static void beforeFirstServer() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "true");
    }
  }
}
