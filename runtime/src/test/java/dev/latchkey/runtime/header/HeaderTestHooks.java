package dev.latchkey.runtime.header;

/** Test-only access to the builder's package-private hooks, for the suites in other packages. */
public final class HeaderTestHooks {
  private HeaderTestHooks() {}

  /** {@code builder} with rate-limit waits that return at once, so no test depends on the wall clock. */
  public static HeaderScheme.Builder noSleep(HeaderScheme.Builder builder) {
    return builder.sleeper(wait -> {});
  }
}
