package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.net.Proxy;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The network interceptor that writes the {@code Authorization} header on each hop of a call the
 * application interceptor gave a {@link DigestTicket}. Signing per hop (not once per call)
 * is what keeps redirects right: a same-origin redirect is signed for its own URI and method, and
 * a hop to another origin is never signed (design rule: credentials go only to their origin).
 */
final class DigestSigner implements Interceptor {
  private final DigestConfig config;
  private final AuthContext context;
  private final DigestHeaders headers;

  DigestSigner(DigestConfig config, AuthContext context) {
    this.config = config;
    this.context = context;
    this.headers = config.headers();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    DigestTicket ticket = DigestTicket.of(chain);
    if (ticket == null) {
      return chain.proceed(request);
    }
    if (!ticket.origin().matches(request.url()) || (config.proxy() && !viaHttpProxy(chain))) {
      return chain.proceed(
          request.newBuilder().removeHeader(headers.authorization()).build());
    }
    NonceState state = ticket.state();
    DigestChallenge challenge = state.challenge();
    String qop = chooseQop(challenge, request.body());
    String bodyHash = null;
    if (DigestChallenge.AUTH_INT.equals(qop)) {
      byte[] body = readBody(request.body());
      bodyHash = DigestCalculator.hash(state.algorithm(), body);
      if (request.body() != null) {
        request = request
            .newBuilder()
            .method(request.method(), RequestBody.create(body, request.body().contentType()))
            .build();
      }
    }
    SignedRequest signed = sign(state, request.method(), digestUri(request.url()), qop, bodyHash);
    ticket.signed(signed);
    return chain.proceed(
        request.newBuilder().header(headers.authorization(), signed.header()).build());
  }

  /** Signs with the next count of {@code state}; credentials are asked for every time. */
  SignedRequest sign(NonceState state, String method, String uri, String qop, String bodyHash)
      throws LatchkeyException {
    UserPassword credentials = context.credentials(config.credentials());
    return DigestResponder.sign(
        state.challenge(),
        state.algorithm(),
        credentials,
        method,
        uri,
        qop,
        bodyHash,
        state.nextCount(),
        config.cnonceSource().get(),
        state);
  }

  /**
   * auth-int when configured (or when it is all the server offers) and the body can be read
   * without being consumed; else auth; null when the server offered no qop (RFC 2069).
   */
  String chooseQop(DigestChallenge challenge, RequestBody body) throws BodyNotReplayableException {
    if (challenge.qops().isEmpty()) {
      return null;
    }
    boolean readable = body == null || !(body.isOneShot() || body.isDuplex());
    boolean offersInt = challenge.qops().contains(DigestChallenge.AUTH_INT);
    boolean offersAuth = challenge.qops().contains(DigestChallenge.AUTH);
    if (offersInt && readable && (config.integrity() || !offersAuth)) {
      return DigestChallenge.AUTH_INT;
    }
    if (offersAuth) {
      return DigestChallenge.AUTH;
    }
    throw new BodyNotReplayableException(
        "the server demands qop=auth-int, which hashes the request body, but the body is one-shot");
  }

  /** Proxy credentials go only on a connection that really is to an HTTP proxy. */
  private static boolean viaHttpProxy(Chain chain) {
    Connection connection = chain.connection();
    return connection != null && connection.route().proxy().type() == Proxy.Type.HTTP;
  }

  private static byte[] readBody(RequestBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readByteArray();
  }

  /**
   * The request-target (RFC 7616 section 3.4: digest-uri): origin-form, or the absolute URI for a
   * plain-HTTP request to a proxy, which is sent in absolute-form (RFC 7230 section 5.3.2).
   */
  private String digestUri(HttpUrl url) {
    if (config.proxy() && !url.isHttps()) {
      return url.toString();
    }
    String query = url.encodedQuery();
    return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
  }
}
