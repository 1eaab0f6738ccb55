package dev.latchkey.samples.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.redis.RedisSessionStore;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.store.FileSessionStore;
import dev.latchkey.runtime.store.SessionStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code call --store} values: file stores, Redis stores, and clear refusals of the rest. */
class SessionStoresTest {
  @TempDir
  Path temp;

  @Test
  void fileAndRedisSpecsOpenTheirStores() throws Exception {
    assertInstanceOf(FileSessionStore.class, SessionStores.open("file:" + temp.resolve("s")));
    // connects lazily: nothing needs to listen on the port to build it
    SessionStore redis = SessionStores.open("redis://127.0.0.1:1");
    try {
      assertInstanceOf(RedisSessionStore.class, redis);
      assertTrue(redis.toString().contains("127.0.0.1:1"), redis.toString());
    } finally {
      SessionStores.close(redis);
    }
  }

  @Test
  void anythingElseIsAUsageErrorNamingBothForms() {
    Options.UsageException e =
        assertThrows(Options.UsageException.class, () -> SessionStores.open("redis:/127.0.0.1"));
    assertTrue(e.getMessage().contains("redis://HOST:PORT"), e.getMessage());
    assertTrue(e.getMessage().contains("file:DIR"), e.getMessage());
  }

  @Test
  void aBrokenRedisUriIsAConfigErrorThatHidesThePassword() {
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class, () -> SessionStores.open("redis://:s3cret@:notaport"));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }
}
