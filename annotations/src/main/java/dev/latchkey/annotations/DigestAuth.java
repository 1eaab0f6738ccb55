package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose API authenticates with HTTP Digest (RFC 7616, RFC 2617).
 *
 * <p>The generated builder takes {@code credentials(Supplier<UserPassword>)}. The client caches the
 * server's nonce per protection space (host and realm) and reuses it for {@link #nonceLifetime()},
 * so that a healthy client pays one round trip per request.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DigestAuth {

  /**
   * How long a server nonce may be reused, as an ISO-8601 duration. Mediagenix On-Demand allows
   * five minutes. The client renews the nonce shortly before this runs out and still falls back to
   * a fresh challenge whenever the server refuses a cached one.
   */
  String nonceLifetime() default "PT5M";

  /**
   * The algorithms the client accepts, in order of preference. When a server offers several
   * challenges, the first algorithm of this list that the server offers wins.
   */
  DigestAlgorithm[] algorithms() default {
    DigestAlgorithm.SHA_512_256,
    DigestAlgorithm.SHA_512_256_SESS,
    DigestAlgorithm.SHA_256,
    DigestAlgorithm.SHA_256_SESS,
    DigestAlgorithm.MD5,
    DigestAlgorithm.MD5_SESS
  };

  /**
   * Prefer {@code qop=auth-int} (a hash of the request body) when the server offers it. Off by
   * default: it costs a full read of every request body and few servers offer it.
   */
  boolean integrity() default false;

  /**
   * The realm the credentials belong to; empty accepts any realm. A challenge for another realm is
   * answered with an error instead of the password.
   */
  String realm() default "";

  /**
   * Authenticate to a proxy (407, {@code Proxy-Authenticate}, {@code Proxy-Authorization}) instead
   * of the origin server.
   */
  boolean proxy() default false;

  /**
   * Require the server to prove it knows the password too (mutual authentication, RFC 7616
   * section 3.5): an answer without a matching {@code rspauth} in {@code Authentication-Info}
   * fails the call with a typed exception. Off by default: a present {@code rspauth} is checked
   * either way.
   */
  boolean mutualAuth() default false;
}
