package dev.latchkey.samples.cli;

import java.io.Closeable;
import java.net.URI;

/** A simulator running on loopback until closed. */
public interface RunningSimulator extends Closeable {

  /** The base URL, e.g. {@code http://127.0.0.1:41234/}. */
  URI url();

  @Override
  void close();
}
