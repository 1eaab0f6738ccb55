package dev.latchkey.spring;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.store.FileSessionStore;
import dev.latchkey.runtime.store.SessionStore;
import java.nio.file.Path;
import org.springframework.util.ClassUtils;

/**
 * Parses {@code store}: {@code memory} (the default, nothing to set), {@code file:DIR}, or {@code
 * redis://...} through the {@code latchkey-redis} module when it is on the class path.
 */
final class SessionStores {
  private static final String REDIS_STORE = "dev.latchkey.redis.RedisSessionStore";

  private SessionStores() {}

  /** The store, or null for {@code memory}; the problem, naming no value, if it is bad. */
  static SessionStore open(String spec, AuthEventListener listener, ClassLoader loader) {
    if (spec.equals("memory")) {
      return null;
    }
    if (spec.startsWith("file:")) {
      String dir = spec.substring("file:".length());
      if (dir.isBlank()) {
        throw new LatchkeyConfigException(
            "file: needs a directory, as in file:/var/cache/latchkey");
      }
      return FileSessionStore.open(Path.of(dir));
    }
    if (spec.startsWith("redis://") || spec.startsWith("rediss://")) {
      if (!ClassUtils.isPresent(REDIS_STORE, loader)) {
        throw new LatchkeyConfigException(
            "a redis:// store needs dev.latchkey:latchkey-redis on the class path");
      }
      return RedisStores.open(spec, listener);
    }
    throw new LatchkeyConfigException(
        "is neither memory, file:DIR nor redis://HOST:PORT (a store is one of those three)");
  }
}
