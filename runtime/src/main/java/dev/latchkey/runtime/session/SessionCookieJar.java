package dev.latchkey.runtime.session;

import dev.latchkey.runtime.http.CredentialOrigins;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The cookie carrier. OkHttp adds cookies from its {@link CookieJar} after the application
 * interceptors ran (in its bridge, per network request, redirects included), and it replaces any
 * {@code Cookie} header set earlier whenever the jar has cookies. So the session cookie has to come
 * from the jar, not from a header set in our interceptor.
 *
 * <p>This jar wraps the user's own jar (kept for every other cookie) and owns one cookie name. It
 * sends the token that {@link SessionInterceptor} chose for the call on this thread (OkHttp runs an
 * interceptor chain on one thread), so the generation a refusal names is exactly the token that was
 * sent; and it sends it only to the credential's origins ({@link CredentialOrigins}), never to
 * another host, port or scheme a redirect leads to (a browser's host-only cookie would still go to
 * another port of the same host; a session token must not). The server's own {@code Set-Cookie}
 * for that name is dropped: the token we track is the one we read, and a cookie the jar kept on its
 * own would outlive the session we know about.
 */
final class SessionCookieJar implements CookieJar {
  private final CookieJar delegate;
  private final String name;
  private final CredentialOrigins origins;
  private final ThreadLocal<String> sending = new ThreadLocal<>();

  SessionCookieJar(CookieJar delegate, String name, CredentialOrigins origins) {
    this.delegate = delegate;
    this.name = name;
    this.origins = origins;
  }

  /** Marks {@code token} as the one this thread's call sends; {@code null} clears. */
  void sendOnThisThread(String token) {
    if (token == null) {
      sending.remove();
    } else {
      sending.set(token);
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
    String token = sending.get();
    if (token != null && origins.contains(url)) {
      Cookie.Builder builder = new Cookie.Builder()
          .name(name)
          .value(token)
          .hostOnlyDomain(url.host())
          .path("/")
          .httpOnly();
      if (url.isHttps()) {
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
