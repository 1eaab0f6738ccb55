package dev.latchkey.runtime.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** A {@link SessionStore} in this JVM's memory: shared by the clients given the same instance. */
public final class InMemorySessionStore implements SessionStore {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private static final class Entry {
    final ReentrantLock loginLock = new ReentrantLock();
    StoredSession session; // guarded by this
    final List<Instant> logins = new ArrayList<>(); // guarded by this
  }

  private Entry entry(String account) {
    return entries.computeIfAbsent(account, a -> new Entry());
  }

  @Override
  public Optional<StoredSession> load(String account, Consumer<String> notice) {
    Entry e = entry(account);
    synchronized (e) {
      return Optional.ofNullable(e.session);
    }
  }

  @Override
  public void save(String account, StoredSession session) {
    Entry e = entry(account);
    synchronized (e) {
      e.session = session;
    }
  }

  @Override
  public void invalidate(String account, long generation) {
    Entry e = entry(account);
    synchronized (e) {
      if (e.session != null && e.session.generation() == generation) {
        e.session = null;
      }
    }
  }

  @Override
  public void touch(String account, long generation, long lastUseMillis) {
    Entry e = entry(account);
    synchronized (e) {
      StoredSession s = e.session;
      if (s != null && s.generation() == generation && s.lastUseMillis() < lastUseMillis) {
        e.session = new StoredSession(s.token(), generation, s.loginAtMillis(), lastUseMillis);
      }
    }
  }

  @Override
  public <T> T withLoginLock(String account, Callable<T> action) throws IOException {
    ReentrantLock lock = entry(account).loginLock;
    lock.lock();
    try {
      return StoreCalls.call(action);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Instant> logins(String account) {
    Entry e = entry(account);
    synchronized (e) {
      return List.copyOf(e.logins);
    }
  }

  @Override
  public void recordLogin(String account, Instant at, Instant keepAfter) {
    Entry e = entry(account);
    synchronized (e) {
      e.logins.removeIf(i -> !i.isAfter(keepAfter));
      e.logins.add(at);
    }
  }

  @Override
  public String toString() {
    return "InMemorySessionStore{accounts=" + entries.size() + "}";
  }
}
