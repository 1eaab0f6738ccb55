package dev.latchkey.runtime;

import dev.latchkey.runtime.http.CredentialOrigins;
import dev.latchkey.runtime.logging.Redactor;
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
 * @param origins where this client's credentials may go (the origin rule of design.md): the base
 *     URL's origin and those the user added
 * @param redactor the client's redactor: an engine registers every live secret it holds here, so
 *     that any log built from the client masks it, and quotes server text through it
 */
public record AuthContext(
    String clientName,
    HttpUrl baseUrl,
    Clock clock,
    AuthEventListener listener,
    OkHttpClient plainClient,
    CredentialOrigins origins,
    Redactor redactor) {

  public AuthContext {
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(plainClient, "plainClient");
    Objects.requireNonNull(origins, "origins");
    Objects.requireNonNull(redactor, "redactor");
  }

  /** A context whose credentials belong to the base URL's origin only, with a fresh redactor. */
  public AuthContext(
      String clientName,
      HttpUrl baseUrl,
      Clock clock,
      AuthEventListener listener,
      OkHttpClient plainClient) {
    this(
        clientName,
        baseUrl,
        clock,
        listener,
        plainClient,
        CredentialOrigins.of(baseUrl),
        new Redactor());
  }

  /**
   * Sends an event stamped with the context's clock; nothing at all when nobody listens. A
   * listener that throws is ignored: a listener must never fail a call (issue 14, defect 8).
   */
  public void emit(AuthEvent.Type type, String host, String detail) {
    if (listening()) {
      try {
        listener.onEvent(new AuthEvent(type, host, detail, clock.instant()));
      } catch (RuntimeException listenerFailed) {
        // The listener's own bug: the call it observes goes on.
      }
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
