package dev.latchkey.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.http.CredentialOrigins;
import dev.latchkey.runtime.logging.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
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
 * @param objectMapper the JSON mapper the client was built with ({@code
 *     LatchkeyClient.Builder.objectMapper}); engines read login and session answers with it
 *     ({@link #treeMapper()}), so a user's mapper settings (modules, features) apply to them too;
 *     null for the shared defaults, made when first asked for (a digest client never pays their
 *     class loading, issue 17)
 */
public record AuthContext(
    String clientName,
    HttpUrl baseUrl,
    Clock clock,
    AuthEventListener listener,
    OkHttpClient plainClient,
    CredentialOrigins origins,
    Redactor redactor,
    ObjectMapper objectMapper) {

  /** Validates that nothing is null. */
  public AuthContext {
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(plainClient, "plainClient");
    Objects.requireNonNull(origins, "origins");
    Objects.requireNonNull(redactor, "redactor");
  }

  /** A context with the shared default JSON mapper. */
  public AuthContext(
      String clientName,
      HttpUrl baseUrl,
      Clock clock,
      AuthEventListener listener,
      OkHttpClient plainClient,
      CredentialOrigins origins,
      Redactor redactor) {
    this(clientName, baseUrl, clock, listener, plainClient, origins, redactor, null);
  }

  /**
   * A context for an engine used alone: its credentials belong to the base URL's origin only, with
   * a fresh redactor and the shared default JSON mapper.
   */
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
        new Redactor(),
        null);
  }

  /** Sends an event stamped with the context's clock and client name; nothing when nobody listens. */
  public void emit(AuthEvent.Type type, String host, String detail) {
    emit(type, host, detail, null);
  }

  /**
   * Sends an event that ends something (a login, a challenge exchange) and how long it took.
   *
   * <p>The listener is isolated ({@link AuthEventListener#deliver}): a bug in a metrics or logging
   * listener never fails the call that emitted (issue 14, defect 8; issue 16).
   */
  public void emit(AuthEvent.Type type, String host, String detail, Duration duration) {
    if (!listening()) {
      return;
    }
    AuthEventListener.deliver(
        listener, new AuthEvent(type, clientName, host, detail, clock.instant(), duration));
  }

  /**
   * Whether events go anywhere: false for {@link AuthEventListener#NONE}, the default. Lets an
   * engine skip building an event's detail on its per-request path (issue 8: the digest engine
   * emits one event per request, and its strings were a tenth of the request's allocation).
   */
  public boolean listening() {
    return listener != AuthEventListener.NONE;
  }

  /**
   * The one place an engine asks the user's credentials supplier (issue 14: one credential path,
   * one meaning for null). A supplier that throws is an {@link LatchkeyException} naming the
   * exception's type, never its message (which may hold the secret it failed to read); null is a
   * configuration error, not a wrong password.
   */
  public UserPassword credentials(Supplier<UserPassword> supplier) throws LatchkeyException {
    UserPassword credentials;
    try {
      credentials = supplier.get();
    } catch (RuntimeException e) {
      throw new LatchkeyException(
          clientName + ": the credentials supplier failed: " + e.getClass().getSimpleName(), e);
    }
    if (credentials == null) {
      throw new LatchkeyConfigException(clientName + ": the credentials supplier returned null");
    }
    return credentials;
  }

  /**
   * Registers {@code credentials}' password with the client's redactor, so that a server echoing
   * it back never gets it into a log, a message or an event. Engines call it when a login or a
   * challenge is answered, not per request (it copies the password into a String).
   */
  public void rememberPassword(UserPassword credentials) {
    redactor.addSecret(new String(credentials.password()));
  }

  /**
   * The client's JSON mapper, or the shared default with the JavaTime and JDK 8 modules ({@link
   * Mappers#sharedJson()}), for an engine that maps answers to types.
   */
  @Override
  public ObjectMapper objectMapper() {
    return objectMapper != null ? objectMapper : Mappers.sharedJson();
  }

  /**
   * The mapper for the JSON trees an engine reads and writes itself (login bodies and answers):
   * the client's own, as {@link #objectMapper()}, or else {@link Mappers#treeJson()}, which has no
   * modules: a tree maps no type, and the default's modules cost a fresh JVM's first login about
   * 150 classes (issue 17).
   */
  public ObjectMapper treeMapper() {
    return objectMapper != null ? objectMapper : Mappers.treeJson();
  }
}
