package dev.latchkey.samples.cli;

import java.io.Closeable;
import java.io.IOException;

/** A generated client seen through one operation: GET a path relative to the base URL. */
public interface SampleCall extends Closeable {

  /** GETs {@code path} through the generated client and returns the body; throws on failure. */
  String get(String path) throws IOException;
}
