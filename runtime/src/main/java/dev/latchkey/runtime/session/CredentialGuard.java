package dev.latchkey.runtime.session;

import dev.latchkey.runtime.http.CredentialOrigins;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one origin guard of the session engine: a network interceptor that removes every
 * credential-bearing header (the token's header, {@code Authorization}, the static headers) and
 * the token's query parameter from a request bound for an origin outside {@link
 * CredentialOrigins}.
 *
 * <p>Why a network interceptor: OkHttp follows redirects itself, after the application
 * interceptors ran. The follow-up request copies every header; OkHttp removes only {@code
 * Authorization}, and only when the connection cannot be shared. Network interceptors see every
 * hop as it goes on the wire, so this guard holds however the user configures redirects, without
 * re-implementing OkHttp's redirect rules. It is installed first among the network interceptors,
 * so that a user's {@code HttpLog} shows what really leaves.
 */
final class CredentialGuard implements Interceptor {
  private final CredentialOrigins origins;
  private final List<String> headerNames;
  private final String queryName;

  CredentialGuard(CredentialOrigins origins, List<String> headerNames, String queryNameOrNull) {
    this.origins = origins;
    this.headerNames = List.copyOf(headerNames);
    this.queryName = queryNameOrNull;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (origins.contains(request.url())) {
      return chain.proceed(request);
    }
    Request.Builder stripped = request.newBuilder();
    for (String name : headerNames) {
      stripped.removeHeader(name);
    }
    if (queryName != null && request.url().queryParameter(queryName) != null) {
      HttpUrl url =
          request.url().newBuilder().removeAllQueryParameters(queryName).build();
      stripped.url(url);
    }
    return chain.proceed(stripped.build());
  }

  @Override
  public String toString() {
    return "CredentialGuard{origins=" + origins.all() + ", headers=" + headerNames + "}";
  }
}
