package dev.latchkey.runtime.token;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Header transport across redirects: OkHttp drops {@code Authorization} on a redirect to another
 * host, but not a header with another name. This network interceptor removes the token header from
 * any request that does not go to the base URL's host, whatever the header is called.
 */
final class HeaderHostGuard implements Interceptor {
  private final String headerName;
  private final HttpUrl baseUrl;

  HeaderHostGuard(String headerName, HttpUrl baseUrl) {
    this.headerName = headerName;
    this.baseUrl = baseUrl;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.url().host().equals(baseUrl.host()) || request.header(headerName) == null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().removeHeader(headerName).build());
  }
}
