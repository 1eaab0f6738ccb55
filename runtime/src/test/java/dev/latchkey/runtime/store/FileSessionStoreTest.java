package dev.latchkey.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.store.SessionStore.StoredSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {
  @TempDir Path temp;

  @Test
  void defaultDirectoryFollowsXdgThenHome() {
    assertEquals(Path.of("/x/cache", "latchkey"), FileSessionStore.defaultDirectory("/x/cache", "/home/u"));
    assertEquals(Path.of("/home/u", ".cache", "latchkey"), FileSessionStore.defaultDirectory(null, "/home/u"));
    assertEquals(Path.of("/home/u", ".cache", "latchkey"), FileSessionStore.defaultDirectory(" ", "/home/u"));
  }

  @Test
  void accountNamesBecomeSafeFileNames() {
    assertEquals("Api-ab12", FileSessionStore.fileName("Api-ab12"));
    assertEquals("_._etc_passwd", FileSessionStore.fileName("../etc/passwd"));
  }

  @Test
  void invalidateForgetsOnlyThatGenerationAndTouchNeverGoesBack() throws IOException {
    for (SessionStore store : List.of(FileSessionStore.open(temp.resolve("s")), new InMemorySessionStore())) {
      store.save("a", new StoredSession("t2", 2, 100, 100));
      store.invalidate("a", 1);
      assertEquals(2, store.load("a", n -> {}).orElseThrow().generation(), store.toString());
      store.touch("a", 2, 500);
      store.touch("a", 2, 300);
      store.touch("a", 1, 900);
      assertEquals(500, store.load("a", n -> {}).orElseThrow().lastUseMillis());
      store.invalidate("a", 2);
      assertEquals(Optional.empty(), store.load("a", n -> {}));
      assertFalse(store.toString().contains("t2"));
    }
  }

  @Test
  void loginWindowDropsOldEntries() throws IOException {
    FileSessionStore store = FileSessionStore.open(temp.resolve("s"));
    store.recordLogin("a", Instant.ofEpochMilli(1000), Instant.ofEpochMilli(0));
    store.recordLogin("a", Instant.ofEpochMilli(2000), Instant.ofEpochMilli(0));
    store.recordLogin("a", Instant.ofEpochMilli(9000), Instant.ofEpochMilli(1500));
    assertEquals(List.of(Instant.ofEpochMilli(2000), Instant.ofEpochMilli(9000)), store.logins("a"));
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(store.directory().resolve("a.json"))));
  }

  @Test
  void concurrentWritersThroughSeparateInstancesLoseNoLogin() throws Exception {
    int threads = 8;
    int each = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * 1000;
        done.add(pool.submit(() -> {
          FileSessionStore store = FileSessionStore.open(temp.resolve("s"));
          for (int i = 0; i < each; i++) {
            store.recordLogin("a", Instant.ofEpochMilli(1 + base + i), Instant.EPOCH);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * each, FileSessionStore.open(temp.resolve("s")).logins("a").size());
    try (var files = Files.list(temp.resolve("s"))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no temp file left");
    }
  }
}
