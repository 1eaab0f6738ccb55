package dev.latchkey.runtime.store;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A {@link SessionStore} in a directory shared by every process of this user on this machine: one
 * JSON file per account ({@code <account>.json}, mode 0600) in a directory of mode 0700, written
 * atomically (temp file + rename), with the login lock taken as an OS lock on {@code
 * <account>.lock}. A directory that group or others may read or write is refused. Thread-safe.
 */
public final class FileSessionStore implements SessionStore {
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FOREIGN = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
  /**
   * FileLock is held per JVM, not per thread (a second lock on the same file in this JVM throws
   * OverlappingFileLockException), so threads of one JVM first take this lock, shared by every
   * store instance on the same path.
   */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path directory;

  private FileSessionStore(Path directory) {
    this.directory = directory;
  }

  /** A store in {@code directory}, created 0700 if missing; refused if group or others can use it. */
  public static FileSessionStore open(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(dir)) {
        if (posix(dir.getParent() == null ? dir : dir.getParent())) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        } else {
          Files.createDirectories(dir);
        }
      }
      if (posix(dir)) {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(mode);
        open.retainAll(FOREIGN);
        if (!open.isEmpty()) {
          throw new LatchkeyConfigException("session store directory " + dir + " has mode "
              + PosixFilePermissions.toString(mode) + ": group or others may use it; run chmod 700 on it");
        }
      }
    } catch (IOException e) {
      throw new LatchkeyConfigException("session store directory " + dir + " cannot be used: " + e.getMessage());
    }
    return new FileSessionStore(dir);
  }

  /** A store in {@code $XDG_CACHE_HOME/latchkey}, or {@code ~/.cache/latchkey}. */
  public static FileSessionStore openDefault() {
    return open(defaultDirectory(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")));
  }

  static Path defaultDirectory(String xdgCacheHome, String userHome) {
    if (xdgCacheHome != null && !xdgCacheHome.isBlank()) {
      return Path.of(xdgCacheHome, "latchkey");
    }
    return Path.of(userHome, ".cache", "latchkey");
  }

  /** The directory this store uses. */
  public Path directory() {
    return directory;
  }

  static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Keeps account keys to a safe file name: letters, digits, '-', '_' and '.', no leading dot. */
  static String fileName(String account) {
    String safe = account.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
  }

  Path dataFile(String account) {
    return directory.resolve(fileName(account) + ".json");
  }

  @Override
  public Optional<StoredSession> load(String account, Consumer<String> notice) throws IOException {
    return Optional.ofNullable(StoreFile.read(dataFile(account), notice).session());
  }

  @Override
  public void save(String account, StoredSession session) throws IOException {
    update(account, f -> f.withSession(session));
  }

  @Override
  public void invalidate(String account, long generation) throws IOException {
    update(account, f -> f.session() != null && f.session().generation() == generation ? f.withSession(null) : f);
  }

  @Override
  public void touch(String account, long generation, long lastUseMillis) throws IOException {
    update(account, f -> {
      StoredSession s = f.session();
      if (s == null || s.generation() != generation || s.lastUseMillis() >= lastUseMillis) {
        return f;
      }
      return f.withSession(new StoredSession(s.token(), generation, s.loginAtMillis(), lastUseMillis));
    });
  }

  @Override
  public List<Instant> logins(String account) throws IOException {
    return StoreFile.read(dataFile(account), n -> {}).logins();
  }

  @Override
  public void recordLogin(String account, Instant at, Instant keepAfter) throws IOException {
    update(account, f -> {
      List<Instant> kept = new ArrayList<>();
      f.logins().stream().filter(i -> i.isAfter(keepAfter)).forEach(kept::add);
      kept.add(at);
      return new StoreFile(f.session(), List.copyOf(kept));
    });
  }

  private interface Change {
    StoreFile apply(StoreFile current);
  }

  /** Read-modify-write under the lock, so concurrent writers never lose each other's change. */
  private void update(String account, Change change) throws IOException {
    withLoginLock(account, () -> {
      Path file = dataFile(account);
      StoreFile before = StoreFile.read(file, n -> {});
      StoreFile after = change.apply(before);
      if (after != before || !Files.exists(file)) {
        after.write(file);
      }
      return null;
    });
  }

  @Override
  public <T> T withLoginLock(String account, Callable<T> action) throws IOException {
    Path lockFile = directory.resolve(fileName(account) + ".lock");
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
    jvmLock.lock();
    try {
      if (jvmLock.getHoldCount() > 1) {
        return StoreCalls.call(action); // this thread already holds the OS lock
      }
      try (FileChannel channel = openLockFile(lockFile); FileLock osLock = channel.lock()) {
        return StoreCalls.call(action);
      }
    } finally {
      jvmLock.unlock();
    }
  }

  private static FileChannel openLockFile(Path lockFile) throws IOException {
    Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return posix(lockFile.getParent())
        ? FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(FILE_MODE))
        : FileChannel.open(lockFile, options);
  }

  @Override
  public String toString() {
    return "FileSessionStore{directory=" + directory + "}";
  }
}
