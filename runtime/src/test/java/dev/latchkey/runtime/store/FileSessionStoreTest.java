package dev.latchkey.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.store.SessionStore.StoredSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {
  @TempDir
  Path temp;

  @Test
  void defaultDirectoryFollowsXdgThenHome() {
    assertEquals(
        Path.of("/x/cache", "latchkey"), FileSessionStore.defaultDirectory("/x/cache", "/home/u"));
    assertEquals(
        Path.of("/home/u", ".cache", "latchkey"),
        FileSessionStore.defaultDirectory(null, "/home/u"));
    assertEquals(
        Path.of("/home/u", ".cache", "latchkey"),
        FileSessionStore.defaultDirectory(" ", "/home/u"));
  }

  @Test
  void accountNamesBecomeSafeFileNames() {
    assertEquals("Api-ab12", FileSessionStore.fileName("Api-ab12"));
    assertEquals("_._etc_passwd", FileSessionStore.fileName("../etc/passwd"));
  }

  @Test
  void invalidateForgetsOnlyThatGenerationAndTouchNeverGoesBack() throws IOException {
    for (SessionStore store :
        List.of(FileSessionStore.open(temp.resolve("s")), new InMemorySessionStore())) {
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
    assertEquals(
        List.of(Instant.ofEpochMilli(2000), Instant.ofEpochMilli(9000)), store.logins("a"));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
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
    assertEquals(
        threads * each, FileSessionStore.open(temp.resolve("s")).logins("a").size());
    try (var files = Files.list(temp.resolve("s"))) {
      assertTrue(
          files.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")),
          "no temp file left");
    }
  }

  // ---- issue 14: bounded lock wait, symbolic links, unreadable and newer files

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(5);

  @Test
  void aThreadWaitsForTheLockNoLongerThanTheLockWait() throws Exception {
    FileSessionStore store = FileSessionStore.open(temp.resolve("s"), Duration.ofMillis(300));
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> holder = pool.submit(() -> store.withLoginLock("a", () -> {
        held.countDown();
        return release.await(30, TimeUnit.SECONDS);
      }));
      assertTrue(held.await(10, TimeUnit.SECONDS));
      SessionStoreException e = assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> assertThrows(
              SessionStoreException.class,
              () -> FileSessionStore.open(temp.resolve("s"), Duration.ofMillis(300))
                  .withLoginLock("a", () -> "never")));
      assertTrue(e.getMessage().contains("PT0.3S"), e.getMessage());
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
      assertEquals("had", store.withLoginLock("a", () -> "had"), "free again once released");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /** Another process holds the OS lock (a login in progress there, or a hung process). */
  @Test
  void aProcessWaitsForAnotherProcessesLockNoLongerThanTheLockWait() throws Exception {
    FileSessionStore store = FileSessionStore.open(temp.resolve("s"), Duration.ofMillis(500));
    store.save("a", new StoredSession("t1", 1, 1, 1)); // creates the lock file
    Path lockFile = store.directory().resolve("a.lock");
    Path holder = temp.resolve("HoldLock.java");
    Files.writeString(holder, """
        import java.nio.channels.FileChannel;
        import java.nio.file.Path;
        import java.nio.file.StandardOpenOption;
        public class HoldLock {
          public static void main(String[] args) throws Exception {
            try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                var lock = c.lock()) {
              System.out.println("held");
              System.out.flush();
              Thread.sleep(60_000);
            }
          }
        }
        """);
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            holder.toString(),
            lockFile.toString())
        .redirectErrorStream(true)
        .start();
    try {
      byte[] line = new byte[4];
      assertEquals(4, process.getInputStream().readNBytes(line, 0, 4));
      assertEquals("held", new String(line, StandardCharsets.US_ASCII));
      long started = System.nanoTime();
      SessionStoreException e = assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () -> assertThrows(
              SessionStoreException.class, () -> store.withLoginLock("a", () -> "never")));
      assertTrue(e.getMessage().contains("another process"), e.getMessage());
      assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(500));
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertEquals("had", store.withLoginLock("a", () -> "had"));
  }

  @Test
  void aNonPositiveLockWaitIsRefused() {
    assertThrows(
        LatchkeyConfigException.class,
        () -> FileSessionStore.open(temp.resolve("s"), Duration.ZERO));
  }

  @Test
  void aCorruptFileDoesNotResetTheLoginWindow() throws IOException {
    FileSessionStore store = FileSessionStore.open(temp.resolve("s"));
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), store.reserveLogin("a", NOW, WINDOW, 3));
    }
    assertEquals(Optional.of(NOW.plus(WINDOW)), store.reserveLogin("a", NOW, WINDOW, 3));
    Path file = store.directory().resolve("a.json");
    Files.writeString(file, "{\"format\":\"latchkey-session-store/1\",\"logins\":[1,");
    List<String> notices = new ArrayList<>();
    assertEquals(Optional.empty(), store.load("a", notices::add));
    assertTrue(notices.get(0).contains("unreadable"), notices.toString());

    Instant later = NOW.plusSeconds(10);
    assertEquals(
        Optional.of(later.plus(WINDOW)),
        store.reserveLogin("a", later, WINDOW, 3),
        "the three logins the file held are unknown: none more until a window has passed");
    // a session saved meanwhile replaces the content but keeps the loss
    store.save("a", new StoredSession("t9", 9, 1, 1));
    assertEquals(
        Optional.of(later.plus(WINDOW)), store.reserveLogin("a", later.plusSeconds(1), WINDOW, 3));
    assertEquals(Optional.empty(), store.reserveLogin("a", later.plus(WINDOW), WINDOW, 3));
    assertEquals(List.of(later.plus(WINDOW)), store.logins("a"));
    assertEquals("t9", store.load("a", n -> {}).orElseThrow().token());
    assertFalse(Files.readString(file).contains("loginsLostAt"), "the loss is forgotten");
  }

  @Test
  void aNewerFormatIsNeitherReadAsEmptyNorOverwritten() throws IOException {
    FileSessionStore store = FileSessionStore.open(temp.resolve("s"));
    Path file = store.directory().resolve("a.json");
    String newer = "{\"format\":\"latchkey-session-store/2\",\"sessions\":{}}";
    Files.writeString(file, newer);
    SessionStoreException e =
        assertThrows(SessionStoreException.class, () -> store.load("a", n -> {}));
    assertTrue(e.getMessage().contains("newer"), e.getMessage());
    assertThrows(SessionStoreException.class, () -> store.reserveLogin("a", NOW, WINDOW, 3));
    assertThrows(
        SessionStoreException.class, () -> store.save("a", new StoredSession("t", 1, 1, 1)));
    assertEquals(newer, Files.readString(file));
  }

  private static UserPrincipal nobody() throws IOException {
    return temp().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
  }

  private static Path temp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Makes {@code link} owned by nobody (lchown): only root can, so the test needs root. */
  private static void giveAway(Path link) throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to chown a link");
    Files.getFileAttributeView(link, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setOwner(nobody());
  }

  @Test
  void aStoreDirectoryThatIsAnotherUsersLinkIsRefused() throws IOException {
    Path real = temp.resolve("real");
    Files.createDirectories(real);
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), real);
    assertEquals(
        real.toRealPath(),
        FileSessionStore.open(link).directory().toRealPath(),
        "a link of our own is fine");
    giveAway(link);
    LatchkeyConfigException e =
        assertThrows(LatchkeyConfigException.class, () -> FileSessionStore.open(link));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
  }

  @Test
  void aStoreFileThatIsAnotherUsersLinkIsRefused() throws IOException {
    FileSessionStore store = FileSessionStore.open(temp.resolve("s"));
    Path elsewhere = temp.resolve("planted.json");
    Files.writeString(
        elsewhere,
        "{\"format\":\"latchkey-session-store/1\",\"session\":"
            + "{\"token\":\"planted\",\"generation\":1,\"loginAt\":1,\"lastUse\":1},\"logins\":[]}");
    Path link = Files.createSymbolicLink(store.directory().resolve("a.json"), elsewhere);
    assertEquals("planted", store.load("a", n -> {}).orElseThrow().token(), "our own link");
    giveAway(link);
    assertThrows(SessionStoreException.class, () -> store.load("a", n -> {}));
    assertThrows(SessionStoreException.class, () -> store.reserveLogin("a", NOW, WINDOW, 3));
    Path lockLink = store.directory().resolve("b.lock");
    Files.createSymbolicLink(lockLink, temp.resolve("victim"));
    giveAway(lockLink);
    assertThrows(SessionStoreException.class, () -> store.withLoginLock("b", () -> "x"));
    assertFalse(Files.exists(temp.resolve("victim")), "nothing was created through the link");
  }

  @Test
  void aStoreDirectoryAnotherUserOwnsIsRefused() throws IOException {
    Path theirs = temp.resolve("theirs");
    Files.createDirectories(theirs);
    Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwx------"));
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to chown");
    Files.setOwner(theirs, nobody());
    assertThrows(LatchkeyConfigException.class, () -> FileSessionStore.open(theirs));
  }
}
