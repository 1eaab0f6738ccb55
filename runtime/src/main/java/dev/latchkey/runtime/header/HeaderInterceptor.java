package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AccessDeniedException;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.RateLimitedException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.Origin;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The application interceptor: adds the static headers and Basic credentials or the session key
 * to every request for the base URL's origin; turns rejections and rate limits into typed
 * exceptions. At most one session re-creation and one replay per call, and at most one
 * rate-limit wait; one-shot bodies are never sent twice.
 */
final class HeaderInterceptor implements Interceptor {
  private static final int FORBIDDEN = 403;

  private final HeaderScheme scheme;
  private final AuthContext context;
  private final SessionManager sessions;
  private final Origin origin;
  private final Diagnosis diagnosis;

  HeaderInterceptor(HeaderScheme scheme, AuthContext context, SessionManager sessions) {
    this.scheme = scheme;
    this.context = context;
    this.sessions = sessions;
    this.origin = Origin.of(context.baseUrl());
    this.diagnosis = new Diagnosis(scheme.headers());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!origin.matches(request.url())) {
      // An absolute @Url to another origin: our credentials are not meant for it.
      return chain.proceed(request);
    }
    // One budget for the whole call: the rate-limit retry must not get a second re-creation.
    Renewal renewal = new Renewal();
    Response response = send(chain, request, renewal);
    if (!isRateLimit(response)) {
      return response;
    }
    Duration wait = retryAfter(response);
    Duration max = scheme.maxRateLimitWait();
    if (wait != null && !max.isZero() && wait.compareTo(max) <= 0 && !isOneShot(request)) {
      response.close();
      emit(AuthEvent.Type.THROTTLED, "rate limited; waiting " + wait + " once before retrying");
      sleep(wait);
      response = send(chain, request, renewal);
      if (!isRateLimit(response)) {
        return response;
      }
      wait = retryAfter(response);
    }
    int code = response.code();
    response.close();
    emit(AuthEvent.Type.THROTTLED, "rate limited with HTTP " + code);
    throw new RateLimitedException(context.clientName() + ": " + describe(request) + " was rate limited with HTTP "
        + code + (wait == null ? " without a usable Retry-After" : ""), wait == null ? Duration.ZERO : wait);
  }

  /** Whether this call already re-created its session: at most once per call (found by fuzzing). */
  private static final class Renewal {
    boolean used;
  }

  private Response send(Chain chain, Request request, Renewal renewal) throws IOException {
    if (scheme.mode() == HeaderAuthMode.HEADERS) {
      return sendHeadersOnly(chain, request);
    }
    return sessions == null ? sendBasic(chain, request) : sendWithSession(chain, request, renewal);
  }

  /** The static headers are the credential (an API key, a bearer token): a refusal is terminal. */
  private Response sendHeadersOnly(Chain chain, Request request) throws IOException {
    Response response = chain.proceed(withStaticHeaders(request).build());
    if (!isAuthFailure(response)) {
      return response;
    }
    emit(AuthEvent.Type.REJECTED, "HTTP " + response.code() + " for " + describe(request) + " (headers only)");
    String reason = diagnosis.serverReason(response, List.of());
    int code = response.code();
    response.close();
    if (code == FORBIDDEN) {
      throw new AccessDeniedException(context.clientName() + ": " + describe(request)
          + " is not allowed (HTTP 403)" + reason);
    }
    throw new AuthenticationFailedException(context.clientName() + ": " + describe(request)
        + " was refused with HTTP " + code + reason + "; " + diagnosis.whatToCheck(false));
  }

  private Response sendBasic(Chain chain, Request request) throws IOException {
    UserPassword credentials = credentials(scheme, context);
    char[] password = credentials.password();
    String authorization;
    try {
      authorization = Credentials.basic(credentials.user(), new String(password), StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(password, '\0');
    }
    Response response = chain.proceed(withStaticHeaders(request).header(HeaderScheme.AUTHORIZATION, authorization).build());
    if (!isAuthFailure(response)) {
      return response;
    }
    // Basic carries the credentials themselves: a refusal is terminal, retrying cannot help.
    emit(AuthEvent.Type.REJECTED, "HTTP " + response.code() + " for " + describe(request) + " (Basic)");
    String reason = diagnosis.serverReason(response, secretsWith(authorization));
    response.close();
    throw new AuthenticationFailedException(context.clientName() + ": " + describe(request)
        + " was refused with HTTP " + response.code() + " using Basic authentication as user '"
        + credentials.user() + "'" + reason + "; " + diagnosis.whatToCheck(true));
  }

  private Response sendWithSession(Chain chain, Request request, Renewal renewal)
      throws IOException {
    Session session = sessions.acquire();
    Instant sentAt = context.clock().instant();
    Response response = proceedWith(chain, request, session);
    if (!isAuthFailure(response)) {
      session.markProven();
      sessions.used(session, sentAt);
      return response;
    }
    int code = response.code();
    emit(AuthEvent.Type.REJECTED, "HTTP " + code + " for " + describe(request) + " with session generation "
        + session.generation());
    if (!session.proven() || renewal.used) {
      // A session the server has never accepted, or one this call already made new: another
      // would be refused the same way.
      throw refusedFresh(request, response, session);
    }
    if (isOneShot(request)) {
      response.close();
      sessions.invalidate(session);
      throw new AuthenticationFailedException(context.clientName() + ": the session was rejected with HTTP " + code
          + " for " + describe(request) + ", whose one-shot body cannot be sent twice; the next call creates a new session");
    }
    response.close();
    renewal.used = true;
    Session renewed = sessions.renewAfterRejection(session);
    Instant replayAt = context.clock().instant();
    Response replay = proceedWith(chain, request, renewed);
    if (!isAuthFailure(replay)) {
      renewed.markProven();
      sessions.used(renewed, replayAt);
      return replay;
    }
    emit(AuthEvent.Type.REJECTED, "HTTP " + replay.code() + " for " + describe(request)
        + " with renewed session generation " + renewed.generation());
    throw refusedFresh(request, replay, renewed);
  }

  private LatchkeyException refusedFresh(Request request, Response response, Session session) {
    int code = response.code();
    String reason = diagnosis.serverReason(response, secretsWith(session.key()));
    response.close();
    if (code == FORBIDDEN) {
      return new AccessDeniedException(context.clientName() + ": " + describe(request)
          + " is not allowed (HTTP 403 with a freshly created session)" + reason);
    }
    sessions.invalidate(session);
    return new AuthenticationFailedException(context.clientName() + ": " + describe(request)
        + " was refused with HTTP " + code + " although the session was freshly created" + reason + "; "
        + diagnosis.whatToCheck(false));
  }

  /**
   * What a quoted server reason must not show: {@code value} and the password, which a server
   * may echo back in its error message (found by fuzzing). Only on the failure path.
   */
  private List<String> secretsWith(String value) {
    List<String> secrets = new ArrayList<>(List.of(value));
    try {
      char[] password = credentials(scheme, context).password();
      secrets.add(new String(password));
      Arrays.fill(password, '\0');
    } catch (IOException supplierFailed) {
      // the supplier failed now: blank what we have
    }
    return secrets;
  }

  private Response proceedWith(Chain chain, Request request, Session session) throws IOException {
    // The server restarts its idle clock when it receives the request; stamping before sending
    // keeps our view of the idle time on the safe side of the server's.
    session.touch(context.clock().instant());
    return chain.proceed(withStaticHeaders(request).header(scheme.session().keyHeader(), session.key()).build());
  }

  private Request.Builder withStaticHeaders(Request request) throws LatchkeyException {
    Request.Builder builder = request.newBuilder();
    for (DeclaredHeader header : scheme.headers()) {
      try {
        builder.header(header.name(), header.headerValue());
      } catch (LatchkeyConfigException e) {
        // a supplier that stopped giving a usable value: typed, inside the call, value not shown
        throw new LatchkeyException(context.clientName() + ": " + e.getMessage());
      }
    }
    return builder;
  }

  /** Only answers from our own origin speak about our credentials (not from a redirect target). */
  private boolean isAuthFailure(Response response) {
    return scheme.isAuthFailed(response.code()) && origin.matches(response.request().url());
  }

  private boolean isRateLimit(Response response) {
    return scheme.isRateLimited(response.code()) && origin.matches(response.request().url());
  }

  private Duration retryAfter(Response response) {
    return RetryAfter.parse(response.header("Retry-After"), context.clock().instant()).orElse(null);
  }

  private void sleep(Duration wait) throws IOException {
    try {
      scheme.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting out a rate limit");
    }
  }

  private static boolean isOneShot(Request request) {
    return request.body() != null && request.body().isOneShot();
  }

  /** "GET /v3/me": method and path only; a query may carry data the user considers private. */
  private static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private void emit(AuthEvent.Type type, String detail) {
    context.emit(type, context.baseUrl().host(), detail);
  }

  static UserPassword credentials(HeaderScheme scheme, AuthContext context) throws IOException {
    UserPassword credentials;
    try {
      credentials = scheme.credentials().get();
    } catch (RuntimeException e) {
      throw new LatchkeyException(context.clientName() + ": the credentials supplier failed: "
          + e.getClass().getSimpleName(), e);
    }
    if (credentials == null) {
      throw new LatchkeyException(context.clientName() + ": the credentials supplier returned null");
    }
    return credentials;
  }
}
