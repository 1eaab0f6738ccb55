package dev.latchkey.samples.cli;

import dev.latchkey.runtime.store.FileSessionStore;
import dev.latchkey.runtime.store.SessionStore;
import java.nio.file.Path;

/**
 * The {@code call --store} flag: {@code file:DIR} keeps sessions and the login budget in files
 * under DIR, shared by every process on the machine ({@code file:} alone takes the default cache
 * directory).
 */
public final class SessionStores {
  private SessionStores() {}

  /** The store {@code spec} names; a {@link Options.UsageException} for anything else. */
  public static SessionStore open(String spec) {
    if (spec.equals("file:")) {
      return FileSessionStore.openDefault();
    }
    if (spec.startsWith("file:")) {
      return FileSessionStore.open(Path.of(spec.substring("file:".length())));
    }
    throw new Options.UsageException(
        "--store takes file:DIR (sessions shared by processes on this machine), not '" + spec + "'");
  }
}
