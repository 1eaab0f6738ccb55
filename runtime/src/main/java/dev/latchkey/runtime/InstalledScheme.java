package dev.latchkey.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an engine's {@link AuthScheme#install} may return instead of a bare {@link Closeable}:
 * resources to release, and a read-only view of the session state for {@link
 * LatchkeyClient#sessionState()}. The view must answer from memory, fast and without a lock held
 * across IO, because health checks call it.
 */
public interface InstalledScheme extends Closeable {

  /** The state right now; never null, never a network call. */
  SessionState sessionState();

  /** Combines what to release on close with where the state comes from. */
  static InstalledScheme of(Closeable release, Supplier<SessionState> state) {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(state, "state");
    return new InstalledScheme() {
      @Override
      public SessionState sessionState() {
        return state.get();
      }

      @Override
      public void close() throws IOException {
        release.close();
      }
    };
  }
}
