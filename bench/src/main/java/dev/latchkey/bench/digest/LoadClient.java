package dev.latchkey.bench.digest;

import java.io.IOException;

/**
 * One digest client under test, configured as well as its documentation allows. Every exchange
 * it makes is counted on its side of the wire as well ({@link #seen()}).
 */
interface LoadClient extends AutoCloseable {
  /** What calls one thread makes; HttpClient 5's keeps that thread's own context. */
  @FunctionalInterface
  interface Caller {
    /** GETs the resource and reads the body; true for a 200. */
    boolean call() throws IOException;
  }

  String name();

  /** A caller for one thread; call once per thread. */
  Caller caller();

  /** Exchanges and 401s this client saw. */
  Counts seen();

  @Override
  void close() throws IOException;
}
