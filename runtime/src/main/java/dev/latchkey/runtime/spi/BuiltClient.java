package dev.latchkey.runtime.spi;

import dev.latchkey.runtime.SessionState;
import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A client built through a {@link ClientBuilder}: the client itself (the interface), its session
 * state read from memory, and what closes it.
 *
 * @param <T> the annotated interface
 * @param client the generated client, as its interface
 * @param state reads the client's session state without a network call
 * @param closer releases the client's connections and server session
 */
public record BuiltClient<T>(T client, Supplier<SessionState> state, Closeable closer)
    implements Closeable {

  /** Validates that nothing is null. */
  public BuiltClient {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(closer, "closer");
  }

  /** The client's session state now, from memory. */
  public SessionState sessionState() {
    return state.get();
  }

  @Override
  public void close() throws IOException {
    closer.close();
  }

  /** Names the client only; a generated client's {@code toString()} shows no secret. */
  @Override
  public String toString() {
    return "BuiltClient{" + client + "}";
  }
}
