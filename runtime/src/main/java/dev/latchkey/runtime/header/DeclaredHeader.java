package dev.latchkey.runtime.header;

/**
 * One static header and its value. {@link #toString()} shows the name and setter only: every
 * declared header is treated as sensitive, and {@code secret} ones are API keys.
 */
record DeclaredHeader(String name, String setter, boolean secret, String value) {

  @Override
  public String toString() {
    return name + "(" + setter + (secret ? ", secret" : "") + ")";
  }
}
