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
        return size() > capacity;
      }
    };
  }

  synchronized OriginEntry entry(Origin origin) {
    return entries.computeIfAbsent(origin, o -> new OriginEntry());
  }

  /** The entry of {@code origin} if there is one; unlike {@link #entry}, never creates it. */
  synchronized OriginEntry peek(Origin origin) {
    return entries.get(origin);
  }

  synchronized int size() {
    return entries.size();
  }
}
