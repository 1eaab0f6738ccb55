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
 *
 * <p>Answers are JSON unless the interface also carries {@link Xml}; then pointers address the
 * XML tree as Jackson reads it, without the root element ({@code <response><result><key>} is
 * {@code /result/key}). A JSON answer may be an object, an array ({@code /0/token}) or, with no
 * token source given, a bare string. docs/your-own-api.md has a recipe per login shape.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TokenLogin {

  /** The password login call: {@code POST} to this path, relative to the base URL. */
  String path() default "auth";

  /** How the login call sends its fields: JSON (the default), a form, or no body at all. */
  LoginBody loginBody() default LoginBody.JSON;

  /**
   * Whether the login call carries the user name and password as HTTP Basic (vCenter {@code POST
   * /api/session}, Cisco Catalyst Center {@code POST /dna/system/api/v1/auth/token}) instead of in
   * its body.
   */
  boolean loginBasic() default false;

  /**
   * Where the user name goes in the login body: a JSON pointer with {@link LoginBody#JSON}, a form
   * field name (e.g. {@code "username"}) with {@link LoginBody#FORM}.
   */
  String usernameField() default "/auth/username";

  /** Where the password goes in the login body; as {@link #usernameField()}. */
  String passwordField() default "/auth/password";

  /**
   * Fixed fields of the login body. JSON: {@code "/pointer=text"} puts a string ({@code
   * "/loginProviderName=tmos"}; {@code "/a="} is the empty string), and {@code "/pointer:=json"}
   * puts a JSON literal: a number, {@code true}, {@code false}, {@code null}, an array or an object
   * ({@code "/id:=1"}, {@code "/auth/identity/methods:=[\"password\"]"}). FORM: {@code
   * "name=value"} ({@code "output_mode=json"}). In a value, {@code {setter}} stands for the value of
   * the static header of that setter.
   */
  String[] loginFields() default {};

  /**
   * JSON pointer of the token in the login answer, e.g. {@code "/response/token"}. At most one of
   * {@code tokenPointer}, {@link #tokenHeader()} and {@link #tokenCookie()} is given; when none is,
   * the whole answer is the token (a bare JSON string, or a {@code text/plain} body).
   */
  String tokenPointer() default "";

  /** The login answer's header that carries the token (OpenStack Keystone {@code X-Subject-Token}). */
  String tokenHeader() default "";

  /**
   * The cookie, set by the login answer, that is the token (CouchDB {@code AuthSession}). Unless
   * {@link #header()}, {@link #cookie()} or {@link #query()} is written, that same cookie carries it
   * back.
   */
  String tokenCookie() default "";

  /**
   * Header that carries the token on later calls. Not sent when {@link #cookie()} or {@link
   * #query()} carries the token instead: exactly one carrier is used.
   */
  String header() default "Authorization";

  /** Value of {@link #header()}; {@code {token}} stands for the token (Xandr: no scheme word). */
  String headerFormat() default "{token}";

  /** Cookie that carries the token instead of a header, e.g. {@code "IBAPI_SESSID"}. */
  String cookie() default "";

  /** Query parameter that carries the token instead of a header. */
  String query() default "";

  /**
   * JSON pointer of the token's lifetime in seconds in the login answer (F5 {@code
   * /token/timeout}). Counted from the login, like {@link #hardLifetime()}; the shorter wins.
   */
  String expiresInPointer() default "";

  /**
   * Called once by {@code close()} to end the session, relative to the base URL; {@code {token}}
   * stands for the token (F5 {@code "mgmt/shared/authz/tokens/{token}"}). It carries the token and
   * the static headers as any call does.
   */
  String logoutPath() default "";

  /** The method of {@link #logoutPath()}; a {@code POST} or {@code PUT} sends {@link #logoutFields()}. */
  String logoutMethod() default "DELETE";

  /**
   * The JSON body of a {@code POST} or {@code PUT} logout, in the syntax of {@link #loginFields()}
   * (Zabbix: {@code "/method=user.logout"}); {@code {}} when empty.
   */
  String[] logoutFields() default {};

  /** Fixed headers on every call and on the login, one builder setter each (see {@link StaticHeader}). */
  StaticHeader[] headers() default {};

  /** A second value from the login answer sent on later calls, such as a CSRF token. */
  Csrf csrf() default @Csrf;

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
