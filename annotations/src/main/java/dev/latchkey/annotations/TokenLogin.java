package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose API makes a client log in for a token (Xandr / AppNexus style) and send
 * that token on every later call.
 *
 * <p>The login call is declared here rather than as an interface method: the client must make it
 * on its own synchronous path, outside the calls that wait for it. All JSON pointers (RFC 6901) and
 * durations (ISO-8601) are checked at compile time. Empty strings and arrays mean "not used".
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TokenLogin {

  /** The password login call: {@code POST} of a JSON body to this path, relative to the base URL. */
  String path() default "auth";

  /** JSON pointer of the user name in the login body. */
  String usernameField() default "/auth/username";

  /** JSON pointer of the password in the login body. */
  String passwordField() default "/auth/password";

  /** JSON pointer of the token in the login answer, e.g. {@code "/response/token"}. */
  String tokenPointer();

  /** Header that carries the token on later calls; empty when {@link #cookie()} is used. */
  String header() default "Authorization";

  /** Value of {@link #header()}; {@code {token}} stands for the token (Xandr: no scheme word). */
  String headerFormat() default "{token}";

  /** Cookie that carries the token instead of a header, e.g. {@code "IBAPI_SESSID"}. */
  String cookie() default "";

  /** Sliding lifetime: the token dies this long after the most recent call. */
  String idleLifetime() default "";

  /** Hard lifetime: the token dies this long after login, however busy. */
  String hardLifetime() default "";

  /** HTTP statuses that mean "session gone, log in again". */
  int[] sessionGoneStatus() default {401};

  /** JSON pointer of the error identifier in error answers, e.g. {@code "/response/error_id"}. */
  String errorPointer() default "";

  /** Error identifiers on an ordinary call that mean "session gone" (Xandr: {@code NOAUTH}). */
  String[] sessionGoneErrors() default {};

  /** Error identifiers from the login call that mean wrong user name or password. Terminal. */
  String[] badCredentialErrors() default {};

  /** Error identifiers that end all attempts (Xandr: {@code NOAUTH_DISABLED}, {@code NOAUTH_EXPIRED}). */
  String[] terminalErrors() default {};

  /** Error identifiers that mean "not allowed": a permission error, never a reason to log in again. */
  String[] forbiddenErrors() default {};

  /** Client-side login budget as {@code COUNT/DURATION}, e.g. {@code "10/PT5M"}. */
  String loginLimit() default "";

  /** JSON pointer of the throttle code in error answers, e.g. {@code "/response/error_code"}. */
  String throttleCodePointer() default "";

  /** Throttle codes, e.g. {@code RATE_EXCEEDED}; answers 429 with {@code Retry-After} always count. */
  String[] throttleCodes() default {};

  /** JWT login, when the API offers it; disabled while its path is empty. */
  JwtLogin jwt() default @JwtLogin;
}
