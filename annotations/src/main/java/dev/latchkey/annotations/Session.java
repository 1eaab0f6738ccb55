package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@link HeaderAuth} client creates a session: {@code POST} of a JSON body to {@link
 * #path()}, the session key read from the answer and sent in {@link #keyHeader()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Session {
  /** Path of the session call, e.g. {@code "session"}; empty means no session. */
  String path() default "";

  /** JSON pointer of the user name in the session body. */
  String usernameField() default "/userName";

  /** JSON pointer of the password in the session body. */
  String passwordField() default "/password";

  /**
   * Further body fields as {@code "/pointer={setter}"}, filled from a static header's value, e.g.
   * {@code "/accountName={hostContext}"}.
   */
  String[] bodyFields() default {};

  /** JSON pointer of the session key in the answer. */
  String keyPointer() default "/id";

  /** The header that carries the session key. */
  String keyHeader() default "";

  /** Idle lifetime: the session dies this long after the most recent call. */
  String idleLifetime() default "";

  /** {@code DELETE} path that ends a session on close, {@code {key}} standing for the key. */
  String endPath() default "";
}
