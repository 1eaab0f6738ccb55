package dev.latchkey.runtime.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.store.SessionStore;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * A generated builder seen through generic setters, for frameworks that configure clients from
 * properties. Each call goes straight to the typed builder's setter of the same name; a setter the
 * client does not have throws {@link LatchkeyConfigException} naming it. Not thread-safe.
 *
 * @param <T> the annotated interface
 */
public interface ClientBuilder<T> {

  /** See the generated builder's {@code baseUrl}. */
  ClientBuilder<T> baseUrl(String baseUrl);

  /** See the generated builder's {@code environment}. */
  ClientBuilder<T> environment(String environment);

  /** See the generated builder's {@code credentials}. */
  ClientBuilder<T> credentials(Supplier<UserPassword> credentials);

  /** See the generated builder's {@code okHttpClient}. */
  ClientBuilder<T> okHttpClient(OkHttpClient okHttpClient);

  /** See the generated builder's {@code eventListener}. */
  ClientBuilder<T> eventListener(AuthEventListener eventListener);

  /** See the generated builder's {@code customize}. */
  ClientBuilder<T> customize(UnaryOperator<OkHttpClient.Builder> customizer);

  /** See the generated builder's {@code pins}. */
  ClientBuilder<T> pins(String hostPattern, String... pins);

  /** See the generated builder's {@code trustPem}. */
  ClientBuilder<T> trustPem(String pemText);

  /**
   * See the generated builder's {@code sessionStore}.
   *
   * @throws LatchkeyConfigException if the client has no session (digest, Basic-only headers)
   */
  ClientBuilder<T> sessionStore(SessionStore sessionStore);

  /**
   * Sets the static header whose builder setter is {@code setter} ({@code hostContext}).
   *
   * @throws LatchkeyConfigException if the client declares no such header
   */
  ClientBuilder<T> staticHeader(String setter, String value);

  /**
   * The Jackson mapper bodies are read and written with, for generated builders that take one.
   *
   * @throws LatchkeyConfigException when the generated builder takes no mapper
   */
  default ClientBuilder<T> objectMapper(ObjectMapper objectMapper) {
    throw new LatchkeyConfigException("this client's builder takes no ObjectMapper");
  }

  /** Whether {@link #objectMapper} is supported. */
  default boolean takesObjectMapper() {
    return false;
  }

  /**
   * Builds the client.
   *
   * @throws LatchkeyConfigException if a setting is missing or invalid; the message names it
   */
  BuiltClient<T> build();
}
