package dev.latchkey.samples.cli;

import dev.latchkey.samples.sim.SimTls;
import java.io.Closeable;
import java.net.URI;

/** A simulator running on loopback until closed. */
public interface RunningSimulator extends Closeable {

  /** The base URL, e.g. {@code http://127.0.0.1:41234/}. */
  URI url();

  /** The certificates it serves HTTPS with, or null when it serves plain HTTP. */
  default SimTls tls() {
    return null;
  }

  @Override
  void close();
}
