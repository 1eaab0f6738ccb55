package dev.latchkey.samples.cli;

import dev.latchkey.redis.RedisSessionStore;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.store.FileSessionStore;
import dev.latchkey.runtime.store.SessionStore;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code call --store} flag: {@code file:DIR} keeps sessions and the login budget in files
 * under DIR, shared by every process on the machine ({@code file:} alone takes the default cache
 * directory); {@code redis://HOST:PORT} shares them, the login lock and the throttle with every
 * worker that uses the same Redis (fleet mode).
 */
public final class SessionStores {
  /**
   * Lettuce logs each reconnect attempt through java.util.logging (when no SLF4J binding is found);
   * the CLI reports a lost Redis once, as an event, and keeps stdout and stderr for its own lines.
   * Set only when a Redis store is opened, so other runs never start JUL; held so the setting is
   * not garbage-collected with the logger.
   */
  private static Logger lettuceLog;

  private SessionStores() {}

  /** The store {@code spec} names; a {@link Options.UsageException} for anything else. */
  public static SessionStore open(String spec) {
    return open(spec, AuthEventListener.NONE);
  }

  /**
   * Like {@link #open(String)}; a Redis store reports losing and regaining Redis to {@code
   * listener}.
   */
  public static SessionStore open(String spec, AuthEventListener listener) {
    if (spec.equals("file:")) {
      return FileSessionStore.openDefault();
    }
    if (spec.startsWith("file:")) {
      return FileSessionStore.open(Path.of(spec.substring("file:".length())));
    }
    if (spec.startsWith("redis://")) {
      quietLettuce();
      return RedisSessionStore.builder(spec)
          .eventListener(listener.andThen(SessionStores::report))
          .build();
    }
    throw new Options.UsageException(
        "--store takes file:DIR (sessions shared by processes on this machine)"
            + " or redis://HOST:PORT (shared by a fleet), not '"
            + spec
            + "'");
  }

  private static synchronized void quietLettuce() {
    if (lettuceLog == null) {
      lettuceLog = Logger.getLogger("io.lettuce");
      lettuceLog.setLevel(Level.SEVERE);
    }
  }

  /**
   * Losing and regaining Redis is worth a line on stderr (once each; stdout keeps the contract).
   */
  private static void report(AuthEvent event) {
    if (event.type() == AuthEvent.Type.STORE_UNAVAILABLE
        || event.type() == AuthEvent.Type.STORE_RESTORED) {
      System.err.println("store: " + event.detail());
    }
  }

  /** Closes {@code store} if it holds anything (a Redis connection). */
  public static void close(SessionStore store) throws IOException {
    if (store instanceof Closeable closeable) {
      closeable.close();
    }
  }
}
