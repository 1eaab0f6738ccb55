package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.UserPassword;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The default cnonce source reuses per-thread buffers (issue 8): each cnonce is still 128 fresh
 * bits as 32 lower-case hex digits, and no two, on any thread, are the same.
 */
class RandomCnonceTest {
  @Test
  void cnoncesAreFreshHexOnEveryThread() throws Exception {
    Supplier<String> source = DigestScheme.builder()
        .credentials(() -> new UserPassword("u", "p"))
        .build()
        .config()
        .cnonceSource();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 5_000; i++) {
            String cnonce = source.get();
            assertTrue(cnonce.matches("[0-9a-f]{32}"), cnonce);
            assertTrue(seen.add(cnonce), "repeated cnonce " + cnonce);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(40_000, seen.size());
  }
}
