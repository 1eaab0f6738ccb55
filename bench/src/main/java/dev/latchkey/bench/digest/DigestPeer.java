package dev.latchkey.bench.digest;

/** A real digest server on loopback that counts what it answered. */
interface DigestPeer extends AutoCloseable {
  /** The protected resource every client calls. */
  String url();

  /** What the server answered so far. */
  Counts.Snapshot served() throws Exception;

  /** Short name for tables, e.g. {@code jetty}. */
  String name();
}
