package dev.latchkey.runtime.session;

import dev.latchkey.runtime.AccessDeniedException;
import dev.latchkey.runtime.AccountUnusableException;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.RateLimitedException;
import dev.latchkey.runtime.ReplayRefusedException;
import dev.latchkey.runtime.http.ServerText;
import dev.latchkey.runtime.session.AnswerReader.Reading;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The application interceptor: for a request to the credential's origins, sends the session's
 * token and the static headers, and reads the answer. A successful call slides the session's idle
 * clock; "session gone" renews that session (that generation only) and replays the call once; a
 * session the server never accepted, or a refused Basic password, is not tried again; a
 * permission error or an unusable account ends the call with a typed exception. At most one
 * re-login and one replay per call, at most one rate-limit wait; one-shot bodies are never sent
 * twice. A request to any other origin passes untouched.
 */
final class SessionInterceptor implements Interceptor {
  private final SessionRecipe recipe;
  private final AuthContext context;
  private final SessionEngine engine;
  private final Carry carry;
  private final AnswerReader reader;
  private final Diagnosis diagnosis;
  private final boolean[] rateLimited = new boolean[600];

  SessionInterceptor(
      SessionRecipe recipe,
      AuthContext context,
      SessionEngine engine,
      Carry carry,
      Diagnosis diagnosis) {
    this.recipe = recipe;
    this.context = context;
    this.engine = engine;
    this.carry = carry;
    this.diagnosis = diagnosis;
    this.reader = new AnswerReader(recipe.answers(), context.origins());
    for (int status : recipe.rateLimitStatus()) { // no lambda: cold start (issue 17)
      rateLimited[status] = true;
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!context.origins().contains(request.url())) {
      return chain.proceed(request); // an absolute URL elsewhere: our credentials are not for it
    }
    Call call = chain.call();
    Session session = engine.acquire(call);
    // Per call, in locals (no allocation on the warm path): at most one renewal, one rate-limit
    // wait.
    boolean renewed = false;
    boolean waited = false;
    while (true) {
      long sentAt = context.clock().millis();
      Response response = send(chain, request, session);
      Reading reading;
      try {
        reading = reader.read(response);
      } catch (IOException | RuntimeException e) {
        response.close(); // peeking the body failed: the answer must not leak its connection
        throw e;
      }
      if (reading.verdict() == AnswerReader.Verdict.OK && isRateLimit(response)) {
        if (waited || !waitOutRateLimit(response, request, call)) {
          throw rateLimited(response, request);
        }
        waited = true;
        session = engine.acquire(call);
        continue;
      }
      switch (reading.verdict()) {
        case FOREIGN:
          return response;
        case OK:
          engine.accepted(session, sentAt);
          return response;
        case FORBIDDEN:
          response.close();
          rejected(response, reading, session);
          throw new AccessDeniedException(diagnosis.who() + ": " + describe(request)
              + " is not allowed (" + quote(reading.errorId()) + ")");
        case ACCOUNT_UNUSABLE:
          response.close();
          rejected(response, reading, session);
          engine.forget(session);
          throw new AccountUnusableException(
              reading.errorId(),
              diagnosis.who() + ": " + describe(request) + ": account unusable ("
                  + quote(reading.errorId()) + ")");
        default:
          break;
      }
      rejected(response, reading, session);
      if (session.local && session.proven() && response.code() == 403) {
        // Credentials the server accepted before: a permission error, not a refused password.
        throw refused(request, response, "", false);
      }
      if (session.local) {
        // Credentials rotated since this session was made (the password in the secret store, the
        // token file): one try with the new ones, as a rotated password needs no restart.
        Session remade = renewed || isOneShot(request) ? null : engine.remade(session, call);
        if (remade != null) {
          response.close();
          renewed = true;
          session = remade;
          continue;
        }
        // Basic carries the credentials themselves: another try would send the refused password
        // again.
        boolean basic = recipe.carrier().kind() != SessionRecipe.CarrierKind.NONE;
        LatchkeyException refused = refused(
            request,
            response,
            basic ? " using Basic authentication" : " with its static headers",
            basic);
        engine.refusedCredentials(session, refused);
        throw refused;
      }
      if (!session.proven() || renewed) {
        // A session the server never accepted, or one this call already renewed: another would
        // be refused the same way.
        throw refusedFresh(request, response, session);
      }
      response.close();
      if (isOneShot(request)) {
        engine.forget(session);
        throw new ReplayRefusedException(
            diagnosis.who() + ": " + describe(request)
                + ": session gone and the one-shot request body cannot be sent again; the next call logs in anew");
      }
      renewed = true;
      session = engine.renew(session, call);
    }
  }

  /** Waits out a short {@code Retry-After} once, closing the answer; false if it may not be waited. */
  private boolean waitOutRateLimit(Response response, Request request, Call call)
      throws IOException {
    Duration wait =
        Bodies.retryAfter(response.header("Retry-After"), context.clock().millis());
    Duration max = recipe.maxRateLimitWait();
    if (wait == null || max.isZero() || wait.compareTo(max) > 0 || isOneShot(request)) {
      return false;
    }
    response.close();
    emit(AuthEvent.Type.THROTTLED, "rate limited; waiting " + wait + " once before retrying");
    sleep(wait, call);
    return true;
  }

  private RateLimitedException rateLimited(Response response, Request request) {
    Duration wait =
        Bodies.retryAfter(response.header("Retry-After"), context.clock().millis());
    int code = response.code();
    response.close();
    emit(AuthEvent.Type.THROTTLED, "rate limited with HTTP " + code);
    return new RateLimitedException(
        diagnosis.who() + ": " + describe(request) + " was rate limited with HTTP " + code
            + (wait == null ? " without a usable Retry-After" : ""),
        wait == null ? Duration.ZERO : wait);
  }

  private Response send(Chain chain, Request request, Session session) throws IOException {
    try {
      return carry.proceed(chain, request, session);
    } catch (IllegalArgumentException e) {
      // OkHttp refuses a value a header cannot carry with a message quoting it: never quote a
      // token.
      engine.forget(session);
      throw new LatchkeyException(diagnosis.who() + ": the session's token holds characters a "
          + recipe.carrier().kind().name().toLowerCase(java.util.Locale.ROOT)
          + " cannot carry; the next call logs in anew");
    }
  }

  private LatchkeyException refusedFresh(Request request, Response response, Session session) {
    if (response.code() == 403) {
      return refused(request, response, " with a freshly created session", false);
    }
    engine.forget(session);
    return refused(request, response, " although the session was freshly created", false);
  }

  /** The failure for a refused call; quotes the server's reason through the redactor; closes the answer. */
  private LatchkeyException refused(
      Request request, Response response, String how, boolean password) {
    int code = response.code();
    String reason = Bodies.reason(response, context.redactor());
    response.close();
    if (code == 403 && !password) {
      return new AccessDeniedException(diagnosis.who() + ": " + describe(request)
          + " is not allowed (HTTP 403" + how + ")" + reason);
    }
    return new AuthenticationFailedException(diagnosis.who() + ": " + describe(request)
        + " was refused with HTTP " + code + how + reason + "; " + diagnosis.whatToCheck(password));
  }

  private void rejected(Response response, Reading reading, Session session) {
    if (context.listening()) {
      emit(
          AuthEvent.Type.REJECTED,
          "HTTP " + response.code()
              + (reading.errorId() == null ? "" : " " + quote(reading.errorId())) + " for "
              + describe(response.request()) + " with session generation " + session.generation);
    }
  }

  private String quote(String serverText) {
    return ServerText.quote(serverText, 64, context.redactor());
  }

  private boolean isRateLimit(Response response) {
    int code = response.code();
    return code >= 0
        && code < rateLimited.length
        && rateLimited[code]
        && context.origins().contains(response.request().url());
  }

  private void sleep(Duration wait, Call call) throws IOException {
    if (recipe.sleeper() == null) {
      Waits.sleep(wait.toMillis(), call);
      return;
    }
    try {
      recipe.sleeper().sleep(wait);
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
}
