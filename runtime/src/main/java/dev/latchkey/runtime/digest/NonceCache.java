package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.http.Origin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nonce state per origin, bounded: the least recently used origin is dropped past {@code
 * capacity}, so a client that follows links to many hosts does not grow without limit. Unlike a
 * single global slot (okhttp-digest), alternating between hosts keeps each host's nonce and count.
 */
final class NonceCache {
  static final int DEFAULT_CAPACITY = 1024;

  private final Map<Origin, OriginEntry> entries;

  NonceCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Origin, OriginEntry> eldest) {
        if (size() <= capacity) {
          return false;
        }
        Hot last = hot;
        if (last != null && last.entry() == eldest.getValue()) {
          hot = null;
        }
        return true;
      }
    };
  }

  /**
   * The entry used last, read without the lock: nearly every call of a client goes to its one
   * origin, and the synchronized, access-ordered map cost every request a lock that 16 threads
   * took in turn (issue 17). Only the locked path writes it, and it is cleared when its entry is
   * dropped, so it never hands out an entry the map no longer holds.
   */
  private volatile Hot hot;

  private record Hot(Origin origin, OriginEntry entry) {}

  OriginEntry entry(Origin origin) {
    Hot last = hot;
    if (last != null && last.origin().equals(origin)) {
      return last.entry();
    }
    synchronized (this) {
      if (last != null) {
        entries.get(last.origin()); // its hits did not touch the order: count them as one
      }
      OriginEntry entry = entries.get(origin);
      if (entry == null) {
        entry = new OriginEntry();
        entries.put(origin, entry);
      }
      hot = new Hot(origin, entry);
      return entry;
    }
  }

  /** The entry of {@code origin} if there is one; unlike {@link #entry}, never creates it. */
  synchronized OriginEntry peek(Origin origin) {
    return entries.get(origin);
  }

  synchronized int size() {
    return entries.size();
  }
}
