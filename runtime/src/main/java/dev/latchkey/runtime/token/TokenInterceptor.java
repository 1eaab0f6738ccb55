package dev.latchkey.runtime.token;

import dev.latchkey.runtime.AccessDeniedException;
import dev.latchkey.runtime.AccountUnusableException;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.http.Origin;
import dev.latchkey.runtime.token.AnswerInspector.Reading;
import dev.latchkey.runtime.token.AnswerInspector.Verdict;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Puts the session's token on each call to the base URL's host, and handles the answer: a
 * successful call slides the session's idle clock; "session gone" renews that session (only that
 * generation) and replays the call once; a permission error or an unusable account ends the call
 * with a typed exception and no re-login.
 */
final class TokenInterceptor implements Interceptor {
  private final TokenConfig config;
  private final AuthContext context;
  private final SessionKeeper keeper;
  private final SessionCookieJar jar;
  private final AnswerInspector inspector;
  private final Origin origin;

  TokenInterceptor(TokenConfig config, AuthContext context, SessionKeeper keeper, SessionCookieJar jar) {
    this.config = config;
    this.context = context;
    this.keeper = keeper;
    this.jar = jar;
    this.inspector = new AnswerInspector(config);
    this.origin = Origin.of(context.baseUrl());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!forBaseHost(request.url())) {
      return chain.proceed(request);
    }
    Session session = keeper.acquire();
    Response response = sendAndRead(chain, request, session);
    if (response != null) {
      return response;
    }
    RequestBody body = request.body();
    if (body != null && body.isOneShot()) {
      keeper.forget(session);
      throw new ReplayRefusedException(request.method() + " " + request.url().encodedPath()
          + ": session gone and the one-shot request body cannot be sent again");
    }
    Session renewed = keeper.renew(session);
    Response replay = sendAndRead(chain, request, renewed);
    if (replay != null) {
      return replay;
    }
    keeper.forget(renewed);
    throw new UnexpectedAnswerException(request.method() + " " + request.url().encodedPath()
        + ": the server refused a session right after a login; not retrying");
  }

  /**
   * Sends with {@code session}: returns the answer if it is usable; returns null (answer closed)
   * if the session is gone; throws when a re-login would not help.
   */
  private Response sendAndRead(Chain chain, Request request, Session session) throws IOException {
    long sentAt = context.clock().millis();
    Response response = send(chain, request, session);
    Reading reading = inspector.read(response);
    if (reading.verdict() == Verdict.OK) {
      // any answer but "session gone" means the server saw a live token: its idle time restarts
      keeper.touched(session, sentAt);
      return response;
    }
    response.close();
    refuse(reading, response.code(), session, request);
    return null;
  }

  private boolean forBaseHost(HttpUrl url) {
    return origin.matches(url);
  }

  private Response send(Chain chain, Request request, Session session) throws IOException {
    Request.Builder builder = request.newBuilder();
    StaticHeaders.addTo(builder, config.shape().headers());
    LoginShape.Csrf csrf = config.shape().csrf();
    if (csrf != null && session.csrf() != null && (!csrf.writesOnly() || isWrite(request.method()))) {
      builder.header(csrf.header(), session.csrf());
    }
    if (jar != null) {
      jar.sendOnThisThread(session);
      try {
        return chain.proceed(builder.build());
      } finally {
        jar.sendOnThisThread(null);
      }
    }
    if (config.usesQuery()) {
      builder.url(request.url().newBuilder().setQueryParameter(config.shape().query(), session.token()).build());
    } else {
      builder.header(config.headerName(), config.headerValue(session.token()));
    }
    return chain.proceed(builder.build());
  }

  /** Proxmox and FortiGate want their CSRF token on these only (RFC 9110 section 9.2.1: not safe). */
  static boolean isWrite(String method) {
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE"));
  }

  /** Reports a refusal; throws at once when a re-login would not help. */
  private void refuse(Reading reading, int status, Session session, Request request) throws IOException {
    context.emit(AuthEvent.Type.REJECTED, request.url().host(), "HTTP " + status
        + (reading.errorId() == null ? "" : " " + reading.errorId()) + " for session generation " + session.generation());
    String what = request.method() + " " + request.url().encodedPath();
    if (reading.verdict() == Verdict.FORBIDDEN) {
      throw new AccessDeniedException(what + ": not allowed (" + reading.errorId() + ")");
    }
    if (reading.verdict() == Verdict.ACCOUNT_UNUSABLE) {
      keeper.forget(session);
      throw new AccountUnusableException(reading.errorId(), what + ": account unusable (" + reading.errorId() + ")");
    }
  }
}
