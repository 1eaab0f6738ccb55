package dev.latchkey.redis;

/** What a {@link RedisSessionStore} does while Redis cannot be reached. */
public enum RedisUnavailablePolicy {
  /**
   * Keep every call working on this worker's own state: its sessions in memory, its login lock in
   * this JVM, and a conservative local throttle ({@link
   * RedisSessionStore.Builder#fallbackLoginLimit}); a {@code STORE_UNAVAILABLE} event says so, and
   * {@code STORE_RESTORED} when sharing resumes. The default.
   */
  FALLBACK_LOCAL,
  /** Fail every store operation with a {@link RedisUnavailableException}. */
  FAIL
}
