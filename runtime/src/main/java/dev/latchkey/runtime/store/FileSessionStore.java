package dev.latchkey.runtime.store;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A {@link SessionStore} in a directory shared by every process of this user on this machine: one
 * JSON file per account ({@code <account>.json}, mode 0600) in a directory of mode 0700, written
 * atomically (temp file + rename), with the login lock taken as an OS lock on {@code
 * <account>.lock}. A directory that group or others may read or write, or that another user owns,
 * is refused, and so is a store directory or file that is a symbolic link another user owns.
 * Thread-safe.
 *
 * <p><b>The login lock is waited for at most {@link #DEFAULT_LOCK_WAIT}</b> (or the wait given to
 * {@link #open(Path, Duration)}), then {@link SessionStoreException}: a process that hangs holding
 * it cannot hang every other process. The session engines hold it across a whole login (adopt or
 * log in, then save: that is what makes one login per machine), so the default wait covers a
 * login's default time bound (60 s) with a margin; a client that waits on the login budget under
 * the lock ({@code maxThrottleWait}) should open its store with a longer wait.
 *
 * <p><b>Unreadable files never reset the login window</b>; see {@link #reserveLogin}.
 */
public final class FileSessionStore implements SessionStore {
  /** How long {@link #withLoginLock} waits for the lock by default: a login's 60 s and a margin. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(90);

  private static final long FIRST_POLL_MILLIS = 5;
  private static final long MAX_POLL_MILLIS = 100;

  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FOREIGN = EnumSet.of(
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_EXECUTE);
  /**
   * FileLock is held per JVM, not per thread (a second lock on the same file in this JVM throws
   * OverlappingFileLockException), so threads of one JVM first take this lock, shared by every
   * store instance on the same path.
   */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path directory;
  private final Duration lockWait;

  private FileSessionStore(Path directory, Duration lockWait) {
    this.directory = directory;
    this.lockWait = lockWait;
  }

  /**
   * A store in {@code directory}, created 0700 if missing; refused ({@link
   * dev.latchkey.runtime.LatchkeyConfigException}) if group or others can use it, if another user
   * owns it, or if it is a symbolic link another user owns.
   */
  public static FileSessionStore open(Path directory) {
    return open(directory, DEFAULT_LOCK_WAIT);
  }

  /** Like {@link #open(Path)}, waiting at most {@code lockWait} (positive) for the login lock. */
  public static FileSessionStore open(Path directory, Duration lockWait) {
    if (lockWait == null || lockWait.isNegative() || lockWait.isZero()) {
      throw new LatchkeyConfigException(
          "session store lock wait must be positive, not " + lockWait);
    }
    Path dir = directory.toAbsolutePath().normalize();
    try {
      if (StorePaths.foreignLink(dir)) {
        throw new LatchkeyConfigException("session store directory " + dir + " is a symbolic link"
            + " owned by " + Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName()
            + ", not by this user; refused");
      }
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
          throw new LatchkeyConfigException(
              "session store directory " + dir + " has mode " + PosixFilePermissions.toString(mode)
                  + ": group or others may use it; run chmod 700 on it");
        }
        if (!Files.getOwner(dir).equals(StorePaths.currentUser())) {
          throw new LatchkeyConfigException("session store directory " + dir + " is owned by "
              + Files.getOwner(dir).getName() + ", not by this user; refused");
        }
      }
    } catch (IOException e) {
      throw new LatchkeyConfigException(
          "session store directory " + dir + " cannot be used: " + e.getMessage());
    }
    return new FileSessionStore(dir, lockWait);
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
    update(
        account,
        f -> f.session() != null && f.session().generation() == generation
            ? f.withSession(null)
            : f);
  }

  @Override
  public void touch(String account, long generation, long lastUseMillis) throws IOException {
    update(account, f -> {
      StoredSession s = f.session();
      if (s == null || s.generation() != generation || s.lastUseMillis() >= lastUseMillis) {
        return f;
      }
      return f.withSession(
          new StoredSession(s.token(), generation, s.loginAtMillis(), lastUseMillis));
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
      return new StoreFile(f.session(), List.copyOf(kept), f.lossKeptAfter(keepAfter));
    });
  }

  /**
   * The interface's sliding window, after one check of our own: when the file was unreadable
   * (corrupt, truncated, foreign), the logins it held are unknown, and so is how many the window
   * still allows. Found the first time here, the loss is stamped with {@code now} and written;
   * until one window after the stamp no login is reserved (the answer is the instant one would
   * be). Conservative on purpose: a lost file costs at most one window without logins, never more
   * logins than the API permits (issue 14).
   */
  @Override
  public Optional<Instant> reserveLogin(String account, Instant now, Duration window, int limit)
      throws IOException {
    return withLoginLock(account, () -> {
      Path file = dataFile(account);
      StoreFile current = StoreFile.read(file, n -> {});
      StoreFile stamped = current.stampLoss(now);
      if (stamped != current) {
        stamped.write(file);
      }
      Instant blockedUntil = stamped.blockedUntil(window);
      if (blockedUntil != null && now.isBefore(blockedUntil)) {
        return Optional.of(blockedUntil);
      }
      return SessionStore.super.reserveLogin(account, now, window, limit);
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

  /**
   * Runs {@code action} holding this JVM's lock and the OS lock of {@code account}, each waited
   * for within one deadline of the store's lock wait; past it, {@link SessionStoreException}.
   * Interrupting the waiting thread ends the wait too ({@link InterruptedIOException}).
   */
  @Override
  public <T> T withLoginLock(String account, Callable<T> action) throws IOException {
    Path lockFile = directory.resolve(fileName(account) + ".lock");
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
    long deadline = System.nanoTime() + lockWait.toNanos();
    try {
      if (!jvmLock.tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw notHad(account, "a thread of this process");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the session store lock");
    }
    try {
      if (jvmLock.getHoldCount() > 1) {
        return StoreCalls.call(action); // this thread already holds the OS lock
      }
      if (StorePaths.foreignLink(lockFile)) {
        throw new SessionStoreException("session store lock " + lockFile + " is a symbolic link"
            + " that another user owns; refused. Remove it if you did not make it");
      }
      try (FileChannel channel = openLockFile(lockFile);
          FileLock osLock = lockBefore(channel, deadline, account)) {
        return StoreCalls.call(action);
      }
    } finally {
      jvmLock.unlock();
    }
  }

  /**
   * The OS lock, polled with a capped backoff until {@code deadline}: FileChannel.lock() waits
   * without limit and cannot be interrupted portably, and a process that hangs holding the lock
   * must not hang every other one.
   */
  private FileLock lockBefore(FileChannel channel, long deadline, String account)
      throws IOException {
    long pause = FIRST_POLL_MILLIS;
    while (true) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw notHad(account, "another process");
      }
      try {
        Thread.sleep(Math.max(1, Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted waiting for the session store lock");
      }
      pause = Math.min(MAX_POLL_MILLIS, pause * 2);
    }
  }

  private SessionStoreException notHad(String account, String holder) {
    return new SessionStoreException("the login lock of " + account + " in " + directory
        + " was still held by " + holder + " after " + lockWait + " (a login in progress, or a"
        + " process that hangs holding it); not waiting longer");
  }

  private static FileChannel openLockFile(Path lockFile) throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return posix(lockFile.getParent())
        ? FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(FILE_MODE))
        : FileChannel.open(lockFile, options);
  }

  @Override
  public String toString() {
    return "FileSessionStore{directory=" + directory + ", lockWait=" + lockWait + "}";
  }
}
