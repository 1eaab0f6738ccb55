package dev.latchkey.runtime.session;

import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.logging.Redactor;
import dev.latchkey.runtime.session.SessionRecipe.Carrier;
import dev.latchkey.runtime.session.SessionRecipe.CarrierKind;
import dev.latchkey.runtime.session.SessionRecipe.Csrf;
import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the static headers, the token and the session's second (CSRF) value on a request, in the
 * recipe's carrier: a header, a query parameter, or a cookie (through {@link SessionCookieJar},
 * the only way OkHttp lets a cookie through). Only called for requests to the credential's
 * origins; {@link CredentialGuard} strips the same headers and parameter from any hop that leaves
 * them. Static header values are asked of their suppliers on every request (they may rotate); a
 * secret one is registered with the redactor whenever it changes.
 */
final class Carry {
  private final Carrier carrier;
  private final List<StaticHeader> headers;
  private final Csrf csrf;
  private final SessionCookieJar jar; // null unless the carrier is a cookie
  private final Redactor redactor;
  /**
   * Each static header's last value and its text on the wire: a value that did not change since
   * the last call is neither formatted again nor handed to the redactor again (a secret one is told
   * once per value). Formatting each header anew cost every call a String per header (issue 17).
   */
  private final AtomicReferenceArray<Written> written;
  /** The last token and its carrier value ({@code Bearer {token}}), for the same reason. */
  private volatile Written carried;

  /** A value and the text it gives; both may be secret, so neither is ever shown. */
  private record Written(String value, String text) {
    @Override
    public String toString() {
      return "Written{██}";
    }
  }

  Carry(
      Carrier carrier,
      List<StaticHeader> headers,
      Csrf csrf,
      SessionCookieJar jar,
      Redactor redactor) {
    this.carrier = carrier;
    this.headers = headers;
    this.csrf = csrf;
    this.jar = jar;
    this.redactor = redactor;
    this.written = new AtomicReferenceArray<>(headers.size());
  }

  /** Sends {@code request} with {@code session}'s token and second value. */
  Response proceed(Interceptor.Chain chain, Request request, Session session) throws IOException {
    Request.Builder builder = request.newBuilder();
    staticHeaders(builder);
    if (csrf != null && session.csrf != null && csrf.sentWith(request.method())) {
      builder.header(csrf.header(), session.csrf);
    }
    if (carrier.kind() != CarrierKind.COOKIE) {
      return chain.proceed(withToken(builder, request, session.token).build());
    }
    jar.sendOnThisThread(session.token);
    try {
      return chain.proceed(builder.build());
    } finally {
      jar.sendOnThisThread(null);
    }
  }

  /**
   * Every static header, as its supplier gives it now. A supplier that stops giving a usable value
   * fails the call with a typed exception naming the setter, never quoting the value.
   */
  void staticHeaders(Request.Builder builder) throws LatchkeyException {
    for (int i = 0; i < headers.size(); i++) {
      StaticHeader header = headers.get(i);
      String value;
      try {
        value = header.value();
      } catch (LatchkeyConfigException e) {
        throw new LatchkeyException(e.getMessage());
      }
      Written last = written.get(i);
      if (last == null || !last.value().equals(value)) {
        if (header.secret()) {
          redactor.addSecret(value);
        }
        last = new Written(value, header.headerValue(value));
        written.set(i, last);
      }
      builder.header(header.name(), last.text());
    }
  }

  /** {@code builder} with the token in its carrier; a cookie is set as a header (logout only). */
  Request.Builder withToken(Request.Builder builder, Request request, String token) {
    return switch (carrier.kind()) {
      case HEADER -> builder.header(carrier.name(), carried(token));
      case QUERY ->
        builder.url(
            request.url().newBuilder().setQueryParameter(carrier.name(), token).build());
      case COOKIE -> builder.header("Cookie", carrier.name() + "=" + token);
      case NONE -> builder;
    };
  }

  private String carried(String token) {
    Written last = carried;
    if (last == null || !last.value().equals(token)) {
      last = new Written(token, carrier.value(token));
      carried = last;
    }
    return last.text();
  }

  /** The session's second value on a logout {@code method}, when it needs one. */
  void csrf(Request.Builder builder, String method, Session session) {
    if (csrf != null && session.csrf != null && csrf.sentWith(method)) {
      builder.header(csrf.header(), session.csrf);
    }
  }
}
