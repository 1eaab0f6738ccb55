package dev.latchkey.runtime.header;

/** Test stub of the runtime enum, as the API contract names it. */
public enum HeaderAuthMode {
  BASIC,
  SESSION,
  HEADERS
}
