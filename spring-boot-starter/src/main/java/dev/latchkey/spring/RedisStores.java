package dev.latchkey.spring;

import dev.latchkey.redis.RedisSessionStore;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.store.SessionStore;

/** Loaded only when {@code latchkey-redis} is present (see {@link SessionStores}). */
final class RedisStores {
  private RedisStores() {}

  static SessionStore open(String uri, AuthEventListener listener) {
    return RedisSessionStore.builder(uri).eventListener(listener).build();
  }
}
