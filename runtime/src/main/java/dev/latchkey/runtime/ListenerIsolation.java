package dev.latchkey.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The state of {@link AuthEventListener#deliver}, kept out of the public interface. */
final class ListenerIsolation {
  static final System.Logger LOG = System.getLogger(AuthEventListener.class.getName());
  /** Listener classes already reported as throwing: one warning each, not one per request. */
  static final Set<Class<?>> WARNED = ConcurrentHashMap.newKeySet();

  private ListenerIsolation() {}
}
