package dev.latchkey.runtime.session;

import dev.latchkey.runtime.session.SessionRecipe.Carrier;
import dev.latchkey.runtime.session.SessionRecipe.CarrierKind;
import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the static headers and the token on a request, in the recipe's carrier: a header, a query
 * parameter, or a cookie (through {@link SessionCookieJar}, the only way OkHttp lets a cookie
 * through). Only called for requests to the credential's origins; {@link CredentialGuard} strips
 * the same headers and parameter from any hop that leaves them.
 */
final class Carry {
  private final Carrier carrier;
  private final List<StaticHeader> headers;
  private final SessionCookieJar jar; // null unless the carrier is a cookie

  Carry(Carrier carrier, List<StaticHeader> headers, SessionCookieJar jar) {
    this.carrier = carrier;
    this.headers = headers;
    this.jar = jar;
  }

  /** Sends {@code request} with {@code token}. */
  Response proceed(Interceptor.Chain chain, Request request, String token) throws IOException {
    if (carrier.kind() != CarrierKind.COOKIE) {
      Request.Builder builder = request.newBuilder();
      staticHeaders(builder);
      return chain.proceed(withToken(builder, request, token).build());
    }
    Request sent = request;
    if (!headers.isEmpty()) {
      Request.Builder builder = request.newBuilder();
      staticHeaders(builder);
      sent = builder.build();
    }
    jar.sendOnThisThread(token);
    try {
      return chain.proceed(sent);
    } finally {
      jar.sendOnThisThread(null);
    }
  }

  void staticHeaders(Request.Builder builder) {
    for (int i = 0; i < headers.size(); i++) {
      StaticHeader header = headers.get(i);
      builder.header(header.name(), header.value());
    }
  }

  /** {@code builder} with the token in its carrier; a cookie is set as a header (logout only). */
  Request.Builder withToken(Request.Builder builder, Request request, String token) {
    return switch (carrier.kind()) {
      case HEADER -> builder.header(carrier.name(), carrier.value(token));
      case QUERY -> builder.url(request.url().newBuilder().setQueryParameter(carrier.name(), token).build());
      case COOKIE -> builder.header("Cookie", carrier.name() + "=" + token);
    };
  }
}
