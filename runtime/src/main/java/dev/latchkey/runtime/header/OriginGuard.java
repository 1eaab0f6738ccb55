package dev.latchkey.runtime.header;

import dev.latchkey.runtime.http.Origin;
import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A network interceptor that removes every credential-bearing header from a request bound for
 * another origin than the base URL's.
 *
 * <p>Why a network interceptor: OkHttp follows redirects itself, in its retry-and-follow-up step,
 * which runs after the application interceptors. The follow-up request is a copy of the previous
 * one with all its headers; OkHttp removes only {@code Authorization}, and only when the new URL
 * cannot share the connection (host, port or scheme differ). Our API key, account and session key
 * headers would follow a redirect anywhere. Network interceptors, in contrast, see every hop as it
 * goes on the wire, redirects included, so this guard holds however the user configures
 * redirect following (and without making us re-implement OkHttp's redirect rules, or turn
 * redirect following off for a client the user may have shared with us).
 */
final class OriginGuard implements Interceptor {
  private final Origin origin;
  private final List<String> headerNames;

  OriginGuard(Origin origin, List<String> headerNames) {
    this.origin = origin;
    this.headerNames = List.copyOf(headerNames);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (origin.matches(request.url())) {
      return chain.proceed(request);
    }
    Request.Builder stripped = request.newBuilder();
    for (String name : headerNames) {
      stripped.removeHeader(name);
    }
    return chain.proceed(stripped.build());
  }

  @Override
  public String toString() {
    return "OriginGuard{origin=" + origin + ", headers=" + headerNames + "}";
  }
}
