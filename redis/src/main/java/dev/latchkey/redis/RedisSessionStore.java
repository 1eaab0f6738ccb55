package dev.latchkey.redis;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.store.InMemorySessionStore;
import dev.latchkey.runtime.store.SessionStore;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A {@link SessionStore} in Redis, shared by every worker of a fleet: the session of each API and
 * user (token, generation, login time and the sliding last use, expiring by itself when the
 * lifetimes say it would end), the login lock (a lease, so a crashed worker blocks the others for
 * at most {@link Builder#lockLease}) and the login throttle, counted exactly in a sliding window by
 * one Lua script. Keys are {@code latchkey:{ACCOUNT}:session|generation|lock|logins}, where the
 * account is the client name and a hash of the user: never a user name or a password.
 *
 * <p>If Redis cannot be reached, the {@link RedisUnavailablePolicy} decides: by default every call
 * keeps working on this worker's own state (a local copy of what it last stored, its JVM's lock,
 * and at most {@link Builder#fallbackLoginLimit} logins per window) and sharing resumes when Redis
 * answers again; or every operation fails with a {@link RedisUnavailableException}. Thread-safe;
 * {@link #close()} closes the connection. {@link #toString()} shows no secret.
 */
public final class RedisSessionStore implements SessionStore, Closeable {
  /** Sessions whose lifetimes are unknown are kept this long. */
  static final Duration UNKNOWN_LIFETIME_TTL = Duration.ofHours(24);

  /** The generation counter outlives sessions by far; a week idle and nothing is left to clash. */
  static final Duration GENERATION_TTL = Duration.ofDays(7);

  private final RedisLink link;
  private final LeaseLock lease;
  private final RedisUnavailablePolicy policy;
  private final int fallbackLoginLimit;
  private final AuthEventListener listener;
  private final Clock clock;

  /** What this worker stored or read last: the state it falls back to. */
  private final InMemorySessionStore local = new InMemorySessionStore();

  /** Threads of this store take the account's JVM lock first, then the lease in Redis. */
  private final Map<String, ReentrantLock> jvmLocks = new ConcurrentHashMap<>();

  /** Renews the leases this store holds while their logins run (see {@link LeaseLock}). */
  private final ScheduledExecutorService leaseTimer = leaseTimer();

  private RedisSessionStore(Builder b, RedisURI uri) {
    this.policy = b.policy;
    this.fallbackLoginLimit = b.fallbackLoginLimit;
    this.listener = b.listener;
    this.clock = b.clock;
    this.link = new RedisLink(
        uri, b.connectTimeout, b.commandTimeout, b.probeInterval, b.listener, b.clock);
    Duration wait = b.lockWait != null ? b.lockWait : defaultLockWait(b.lockLease);
    this.lease = new LeaseLock(link, b.lockLease, wait);
  }

  /**
   * A held lease is renewed while its login runs, so a waiter may wait for a whole login: the
   * engines bound one by 60 s by default. At least the lease and 10 s, as before.
   */
  static Duration defaultLockWait(Duration lease) {
    Duration login = Duration.ofSeconds(70);
    Duration afterLease = lease.plus(Duration.ofSeconds(10));
    return afterLease.compareTo(login) > 0 ? afterLease : login;
  }

  private static ScheduledExecutorService leaseTimer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "latchkey-redis-lease");
      thread.setDaemon(true); // never keeps a JVM alive
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** Starts a store for {@code uri} ({@code redis://HOST:PORT}); see {@link Builder}. */
  public static Builder builder(String uri) {
    return new Builder(uri);
  }

  // ---- sessions

  @Override
  public Optional<StoredSession> load(String account, Consumer<String> notice) throws IOException {
    RedisKeys keys = new RedisKeys(account);
    Map<String, String> hash;
    try {
      hash = link.call(c -> c.hgetall(keys.session()));
    } catch (RedisUnavailableException e) {
      failUnlessFallback(e);
      return local.load(account, notice);
    }
    Optional<StoredSession> session = parse(hash, keys, notice);
    mirror(account, session);
    return session;
  }

  private static Optional<StoredSession> parse(
      Map<String, String> hash, RedisKeys keys, Consumer<String> notice) {
    if (hash == null || hash.isEmpty()) {
      return Optional.empty();
    }
    try {
      String token = Objects.requireNonNull(hash.get("token"));
      return Optional.of(new StoredSession(
          token,
          Long.parseLong(hash.get("gen")),
          Long.parseLong(hash.get("loginAt")),
          Long.parseLong(hash.get("lastUse"))));
    } catch (RuntimeException e) {
      // never a crash: the next login replaces it
      notice.accept("session in Redis under "
          + keys.session()
          + " is unreadable ("
          + e.getClass().getSimpleName()
          + "); ignored, it will be replaced at the next login");
      return Optional.empty();
    }
  }

  private void mirror(String account, Optional<StoredSession> session) throws IOException {
    if (session.isPresent()) {
      local.save(account, session.get());
    } else {
      Optional<StoredSession> old = local.load(account, n -> {});
      if (old.isPresent()) {
        local.invalidate(account, old.get().generation());
      }
    }
  }

  @Override
  public void save(String account, StoredSession session) throws IOException {
    save(account, session, Lifetimes.UNKNOWN);
  }

  /**
   * Stores {@code session} unless a newer generation is stored; the key expires when the session
   * ends by {@code lifetimes}, counted from its last use (for a fresh login: now), so the store
   * needs no clock of its own and a client's injected clock keeps working.
   */
  @Override
  public void save(String account, StoredSession session, Lifetimes lifetimes) throws IOException {
    local.save(account, session);
    RedisKeys keys = new RedisKeys(account);
    long end = lifetimes.endMillis(session);
    long ttl =
        end == Long.MAX_VALUE ? UNKNOWN_LIFETIME_TTL.toMillis() : end - session.lastUseMillis();
    run(() -> link.eval(
        Scripts.SAVE,
        List.of(keys.session(), keys.generation()),
        session.token(),
        Long.toString(session.generation()),
        Long.toString(session.loginAtMillis()),
        Long.toString(session.lastUseMillis()),
        millis(lifetimes.idle()),
        millis(lifetimes.hard()),
        Long.toString(ttl),
        Long.toString(GENERATION_TTL.toMillis())));
  }

  private static String millis(Duration d) {
    return d == null ? "0" : Long.toString(d.toMillis());
  }

  @Override
  public void invalidate(String account, long generation) throws IOException {
    local.invalidate(account, generation);
    RedisKeys keys = new RedisKeys(account);
    run(() -> link.eval(Scripts.INVALIDATE, List.of(keys.session()), Long.toString(generation)));
  }

  @Override
  public void touch(String account, long generation, long lastUseMillis) throws IOException {
    local.touch(account, generation, lastUseMillis);
    RedisKeys keys = new RedisKeys(account);
    run(() -> link.eval(
        Scripts.TOUCH,
        List.of(keys.session()),
        Long.toString(generation),
        Long.toString(lastUseMillis)));
  }

  @Override
  public long lastGeneration(String account) throws IOException {
    RedisKeys keys = new RedisKeys(account);
    try {
      String value = link.call(c -> c.get(keys.generation()));
      return value == null ? 0 : Long.parseLong(value);
    } catch (RedisUnavailableException e) {
      failUnlessFallback(e);
      return local.lastGeneration(account);
    } catch (NumberFormatException e) {
      return 0; // foreign data: the next save replaces it
    }
  }

  // ---- the login lock

  @Override
  public <T> T withLoginLock(String account, Callable<T> action) throws IOException {
    ReentrantLock jvmLock = jvmLocks.computeIfAbsent(account, a -> new ReentrantLock());
    jvmLock.lock();
    try {
      if (jvmLock.getHoldCount() > 1) {
        return call(action); // this thread already holds the lease
      }
      RedisKeys keys = new RedisKeys(account);
      String token;
      try {
        token = lease.acquire(keys);
      } catch (RedisUnavailableException e) {
        failUnlessFallback(e);
        return call(action); // local lock only, until Redis is back
      }
      if (token == null) {
        if (policy == RedisUnavailablePolicy.FAIL) {
          throw new RedisUnavailableException(
              "the login lock of "
                  + account
                  + " in Redis at "
                  + link.where()
                  + " was still held after "
                  + lease.maxWait()
                  + " (lease "
                  + lease.lease()
                  + ")",
              null);
        }
        // The atomic throttle still bounds logins; waiting longer would only fail the call.
        notice("login lock of "
            + account
            + " still held after "
            + lease.maxWait()
            + "; going on without it");
        return call(action);
      }
      try (LeaseLock.Renewal renewal = lease.keepAlive(keys, token, leaseTimer)) {
        return call(action);
      } finally {
        release(keys, token);
      }
    } finally {
      jvmLock.unlock();
    }
  }

  private void release(RedisKeys keys, String token) {
    try {
      if (!lease.release(keys, token)) {
        notice("the login lock lease ("
            + lease.lease()
            + ") of "
            + keys.account()
            + " ran out before the login finished; consider a longer lockLease");
      }
    } catch (LatchkeyException e) {
      // Redis went away: the lease frees the lock by itself
    }
  }

  private static <T> T call(Callable<T> action) throws IOException {
    try {
      return action.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new LatchkeyException("session store action failed", e);
    }
  }

  // ---- the login throttle

  @Override
  public Optional<Instant> reserveLogin(String account, Instant now, Duration window, int limit)
      throws IOException {
    RedisKeys keys = new RedisKeys(account);
    long verdict;
    try {
      verdict = link.eval(
          Scripts.RESERVE,
          List.of(keys.logins()),
          Long.toString(now.toEpochMilli()),
          Long.toString(window.toMillis()),
          Integer.toString(limit),
          member(now));
    } catch (RedisUnavailableException e) {
      failUnlessFallback(e);
      return local.reserveLogin(account, now, window, Math.min(limit, fallbackLoginLimit));
    }
    if (verdict >= 0) {
      return Optional.of(Instant.ofEpochMilli(verdict));
    }
    // the local copy counts it too, so a fallback right after sees this worker's recent logins
    local.recordLogin(account, now, now.minus(window));
    return Optional.empty();
  }

  @Override
  public List<Instant> logins(String account) throws IOException {
    RedisKeys keys = new RedisKeys(account);
    try {
      List<ScoredValue<String>> scored = link.call(c -> c.zrangeWithScores(keys.logins(), 0, -1));
      return scored.stream().map(v -> Instant.ofEpochMilli((long) v.getScore())).toList();
    } catch (RedisUnavailableException e) {
      failUnlessFallback(e);
      return local.logins(account);
    }
  }

  @Override
  public void recordLogin(String account, Instant at, Instant keepAfter) throws IOException {
    local.recordLogin(account, at, keepAfter);
    RedisKeys keys = new RedisKeys(account);
    long ttl = Math.max(1, at.toEpochMilli() - keepAfter.toEpochMilli());
    run(() -> link.eval(
        Scripts.RECORD,
        List.of(keys.logins()),
        Long.toString(at.toEpochMilli()),
        Long.toString(keepAfter.toEpochMilli()),
        member(at),
        Long.toString(ttl)));
  }

  /** A unique member per login, so two logins in the same millisecond count twice. */
  private static String member(Instant at) {
    return at.toEpochMilli() + ":" + UUID.randomUUID();
  }

  // ---- policy

  private interface RedisWrite {
    void run() throws LatchkeyException;
  }

  /** A write that has already gone to the local copy: in fallback, that is all it needs. */
  private void run(RedisWrite write) throws IOException {
    try {
      write.run();
    } catch (RedisUnavailableException e) {
      failUnlessFallback(e);
    }
  }

  private void failUnlessFallback(RedisUnavailableException e) throws RedisUnavailableException {
    if (policy == RedisUnavailablePolicy.FAIL) {
      throw e;
    }
  }

  private void notice(String detail) {
    AuthEventListener.deliver(
        listener, new AuthEvent(AuthEvent.Type.NOTICE, link.where(), detail, clock.instant()));
  }

  /** True while the last attempt to reach Redis failed (the store is on local state). */
  public boolean isUnavailable() {
    return link.isDown();
  }

  /** Closes the connection; Lettuce stops reconnecting. */
  @Override
  public void close() {
    leaseTimer.shutdownNow();
    link.close();
  }

  @Override
  public String toString() {
    return "RedisSessionStore{redis="
        + link.where()
        + ", onUnavailable="
        + policy
        + ", lockLease="
        + lease.lease()
        + "}";
  }

  /** Configures a {@link RedisSessionStore}. Not thread-safe. */
  public static final class Builder {
    private final String uri;
    private Duration lockLease = Duration.ofSeconds(30);
    private Duration lockWait;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration commandTimeout = Duration.ofSeconds(5);
    private Duration probeInterval = Duration.ofSeconds(1);
    private RedisUnavailablePolicy policy = RedisUnavailablePolicy.FALLBACK_LOCAL;
    private int fallbackLoginLimit = 1;
    private AuthEventListener listener = AuthEventListener.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder(String uri) {
      this.uri = uri;
    }

    /**
     * How long the login lock is granted: a worker that dies holding it blocks logins of the others
     * for at most this long. Renewed every third of it while the login runs, so a login may take
     * longer than the lease. Default 30 s.
     */
    public Builder lockLease(Duration lease) {
      this.lockLease = lease;
      return this;
    }

    /**
     * How long a login waits for the lock before going on without it. Default 70 s (a login's
     * default 60 s bound and a margin; the holder renews its lease while it logs in), or the
     * lease + 10 s if that is longer.
     */
    public Builder lockWait(Duration wait) {
      this.lockWait = wait;
      return this;
    }

    /**
     * Bounds each Redis command: a dead Redis never hangs a call longer. Default 5 s (a worker that
     * starts under load must not give up on a live Redis and log in by itself).
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = timeout;
      return this;
    }

    /**
     * Bounds connecting to Redis, handshake included; one caller waits for it, once per probe
     * interval at most. Default 10 s (a fleet starting together loads every machine).
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** After a failure, Redis is not tried again before this has passed. Default 1 s. */
    public Builder probeInterval(Duration interval) {
      this.probeInterval = interval;
      return this;
    }

    /**
     * What to do while Redis cannot be reached. Default {@link
     * RedisUnavailablePolicy#FALLBACK_LOCAL}.
     */
    public Builder onUnavailable(RedisUnavailablePolicy policy) {
      this.policy = policy;
      return this;
    }

    /**
     * The conservative local throttle while Redis is unreachable: at most this many logins per
     * login window by this worker (its logins of the window before Redis was lost count too).
     * Default 1, so a fleet of up to the API's limit (Xandr: 10 workers) stays within it.
     */
    public Builder fallbackLoginLimit(int limit) {
      this.fallbackLoginLimit = limit;
      return this;
    }

    /** Receives {@code STORE_UNAVAILABLE}, {@code STORE_RESTORED} and notices. Default none. */
    public Builder eventListener(AuthEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "eventListener");
      return this;
    }

    /** Stamps events. Default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates and builds; throws {@link LatchkeyConfigException} naming what is wrong. Does not
     * connect yet: the first operation does, so a worker starts even while Redis is down.
     */
    public RedisSessionStore build() {
      RedisURI parsed = RedisUris.parse(uri);
      positive(lockLease, "lockLease");
      positive(commandTimeout, "commandTimeout");
      positive(connectTimeout, "connectTimeout");
      positive(probeInterval, "probeInterval");
      if (lockWait != null) {
        positive(lockWait, "lockWait");
      }
      if (policy == null) {
        throw new LatchkeyConfigException("RedisSessionStore: onUnavailable(..) must not be null");
      }
      if (fallbackLoginLimit < 1) {
        throw new LatchkeyConfigException(
            "RedisSessionStore: fallbackLoginLimit(..) must be at least 1, not "
                + fallbackLoginLimit);
      }
      return new RedisSessionStore(this, parsed);
    }

    private static void positive(Duration d, String setter) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new LatchkeyConfigException(
            "RedisSessionStore: " + setter + "(..) must be positive, not " + d);
      }
    }
  }
}
