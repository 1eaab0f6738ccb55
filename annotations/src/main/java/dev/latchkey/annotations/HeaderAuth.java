package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose API authenticates every request by headers (MediaSilo style): fixed
 * headers such as an account and an application key, plus either HTTP Basic or a session key.
 *
 * <p>Each {@link StaticHeader} becomes one typed builder setter. When {@link #session()} declares
 * a session, the client defaults to session mode; Basic mode stays available from the builder
 * unless {@link #basic()} is false. With {@code basic = false} and no session, the client needs no
 * credentials at all: its static headers are its authentication (an API key, a bearer token).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HeaderAuth {

  /** The headers every request carries, each with its builder setter or fixed value. */
  StaticHeader[] headers() default {};

  /** Whether HTTP Basic (credentials on every request) may be used. */
  boolean basic() default true;

  /** The session, if the API offers one; absent while its path is empty. */
  Session session() default @Session;

  /** HTTP statuses that mean "authentication failed". */
  int[] authFailedStatus() default {401, 403};

  /** HTTP statuses that mean "rate limited" (MediaSilo: 429, and 420 on older deployments). */
  int[] rateLimitStatus() default {429, 420};
}
