package dev.latchkey.runtime.token;

import dev.latchkey.runtime.http.Origin;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * Cookie transport. OkHttp adds cookies from its {@link CookieJar} after the application
 * interceptors ran (in its bridge, per network request, redirects included), and it replaces any
 * {@code Cookie} header set earlier whenever the jar has cookies. So the session cookie has to come
 * from the jar, not from a header set in our interceptor.
 *
 * <p>This jar wraps the user's own jar (kept for every other cookie) and owns one cookie name. It
 * sends the session that {@link TokenInterceptor} chose for the call on this thread (OkHttp runs an
 * interceptor chain on one thread), so the generation a refusal names is exactly the token that was
 * sent; and it sends it only to the base URL's origin, never to another host, port or scheme a
 * redirect leads to. (A browser's host-only cookie would still go to another port of the same
 * host, and a non-secure one from https to http; a session token must not.) The server's own
 * {@code Set-Cookie} for that name is dropped: the token in the login answer is the one we track,
 * and a cookie the jar kept on its own would outlive the session we know about.
 */
final class SessionCookieJar implements CookieJar {
  private final CookieJar delegate;
  private final String name;
  private final HttpUrl baseUrl;
  private final Origin origin;
  private final ThreadLocal<Session> sending = new ThreadLocal<>();

  SessionCookieJar(CookieJar delegate, String name, HttpUrl baseUrl) {
    this.delegate = delegate;
    this.name = name;
    this.baseUrl = baseUrl;
    this.origin = Origin.of(baseUrl);
  }

  /** Marks {@code session} as the one this thread's call sends; {@code null} clears. */
  void sendOnThisThread(Session session) {
    if (session == null) {
      sending.remove();
    } else {
      sending.set(session);
    }
  }

  @Override
  public List<Cookie> loadForRequest(HttpUrl url) {
    List<Cookie> cookies = new ArrayList<>();
    for (Cookie cookie : delegate.loadForRequest(url)) {
      if (!cookie.name().equals(name)) {
        cookies.add(cookie);
      }
    }
    Session session = sending.get();
    if (session != null && origin.matches(url)) {
      Cookie.Builder builder = new Cookie.Builder().name(name).value(session.token())
          .hostOnlyDomain(baseUrl.host()).path("/").httpOnly();
      if (baseUrl.isHttps()) {
        builder.secure();
      }
      cookies.add(builder.build());
    }
    return cookies;
  }

  @Override
  public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
    List<Cookie> others = new ArrayList<>();
    for (Cookie cookie : cookies) {
      if (!cookie.name().equals(name)) {
        others.add(cookie);
      }
    }
    if (!others.isEmpty()) {
      delegate.saveFromResponse(url, others);
    }
  }
}
