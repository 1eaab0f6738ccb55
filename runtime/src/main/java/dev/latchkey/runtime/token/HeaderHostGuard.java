package dev.latchkey.runtime.token;

import dev.latchkey.runtime.http.Origin;
import java.io.IOException;
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
  private final String headerName;
  private final Origin origin;

  HeaderHostGuard(String headerName, HttpUrl baseUrl) {
    this.headerName = headerName;
    this.origin = Origin.of(baseUrl);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (origin.matches(request.url()) || request.header(headerName) == null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().removeHeader(headerName).build());
  }
}
