package dev.latchkey.runtime.token;

import dev.latchkey.runtime.http.Origin;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Header transport across redirects: OkHttp drops {@code Authorization} on a redirect to another
 * host, but not a header with another name. This network interceptor removes the token header from
 * any request that does not go to the base URL's origin (scheme, host and port: a redirect to
 * another port of the same host, or from https to http, is another origin too), whatever the
 * header is called.
 */
final class HeaderHostGuard implements Interceptor {
  private final List<String> headerNames;
  private final String queryName;
  private final Origin origin;

  /** Guards {@code headerNames} (the token's, the static headers', the CSRF header) and {@code queryName} (or null). */
  HeaderHostGuard(List<String> headerNames, String queryName, HttpUrl baseUrl) {
    this.headerNames = List.copyOf(headerNames);
    this.queryName = queryName;
    this.origin = Origin.of(baseUrl);
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
    if (queryName != null && request.url().queryParameter(queryName) != null) {
      stripped.url(request.url().newBuilder().removeAllQueryParameters(queryName).build());
    }
    return chain.proceed(stripped.build());
  }
}
