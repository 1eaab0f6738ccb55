package dev.latchkey.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What an {@link AuthScheme} gets from the client it is installed into.
 *
 * @param clientName the name used in events and {@code toString()}, e.g. {@code OnDemandApi}
 * @param baseUrl the base URL calls are made against; login paths are relative to it
 * @param clock the only source of time an engine may use
 * @param listener where every auth event goes
 * @param plainClient an OkHttp client with TLS and logging but without authentication, for login
 *     and session-creation calls, which must run synchronously on their own path
 * @param objectMapper the JSON mapper the client was built with ({@code
 *     LatchkeyClient.Builder.objectMapper}); engines read login and session answers with it, so a
 *     user's mapper settings (modules, features) apply to them too
 */
public record AuthContext(
    String clientName,
    HttpUrl baseUrl,
    Clock clock,
    AuthEventListener listener,
    OkHttpClient plainClient,
    ObjectMapper objectMapper) {

  public AuthContext {
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(plainClient, "plainClient");
    Objects.requireNonNull(objectMapper, "objectMapper");
  }

  /** A context with the default JSON mapper ({@link Mappers#json()}), for engines used alone. */
  public AuthContext(
      String clientName,
      HttpUrl baseUrl,
      Clock clock,
      AuthEventListener listener,
      OkHttpClient plainClient) {
    this(clientName, baseUrl, clock, listener, plainClient, Mappers.json());
  }

  /** Sends an event stamped with the context's clock; nothing at all when nobody listens. */
  public void emit(AuthEvent.Type type, String host, String detail) {
    if (listening()) {
      listener.onEvent(new AuthEvent(type, host, detail, clock.instant()));
    }
  }

  /**
   * Whether events go anywhere: false for {@link AuthEventListener#NONE}, the default. Lets an
   * engine skip building an event's detail on its per-request path (issue 8: the digest engine
   * emits one event per request, and its strings were a tenth of the request's allocation).
   */
  public boolean listening() {
    return listener != AuthEventListener.NONE;
  }
}
