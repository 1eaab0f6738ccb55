package dev.latchkey.runtime.header;

import java.time.Duration;
import java.util.Map;

/**
 * How to create, use and end a session. {@code bodyFields} maps a JSON pointer of the creation
 * body to the static header whose value fills it; {@code idleLifetime} is null when unknown.
 */
record SessionSpec(
    String path,
    String usernameField,
    String passwordField,
    String keyPointer,
    String keyHeader,
    Duration idleLifetime,
    String endPath,
    Map<String, DeclaredHeader> bodyFields) {

  boolean hasEndPath() {
    return !endPath.isEmpty();
  }
}
