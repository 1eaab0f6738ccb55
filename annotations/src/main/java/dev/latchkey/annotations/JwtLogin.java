package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * JWT login for {@link TokenLogin}: the client signs an RS256 JWT (header {@code kid}, claims
 * {@code sub} and {@code iat}) and posts it as {@code text/plain}. The generated builder then offers
 * {@code signingKey(..)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface JwtLogin {
  /** Path of the JWT login call, e.g. {@code "v2/auth/jwt"}; empty disables JWT login. */
  String path() default "";
}
