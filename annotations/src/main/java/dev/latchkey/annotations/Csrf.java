package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A second value from the login answer that later calls must send back, most often a CSRF token:
 * taken from exactly one of {@link #pointer()}, {@link #answerHeader()} or {@link #answerCookie()}
 * and sent in {@link #header()}. Like the token, it is a secret: redacted, never sent to another
 * origin, renewed with each login.
 *
 * <ul>
 *   <li>Proxmox VE: {@code @Csrf(pointer = "/data/CSRFPreventionToken", header =
 *       "CSRFPreventionToken")}, on writes only.
 *   <li>UniFi OS: {@code @Csrf(answerHeader = "X-CSRF-Token", header = "X-CSRF-Token")}.
 *   <li>FortiGate: {@code @Csrf(answerCookie = "ccsrftoken", header = "X-CSRFTOKEN")}.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Csrf {
  /** JSON pointer (RFC 6901; with {@link Xml}, into the XML tree) of the value in the login answer. */
  String pointer() default "";

  /** The login answer's header that carries the value. */
  String answerHeader() default "";

  /** The cookie, set by the login answer, that carries the value (its value, surrounding quotes removed). */
  String answerCookie() default "";

  /** The header that carries the value on later calls; empty means no second value. */
  String header() default "";

  /**
   * Whether only writes carry it ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}), as
   * Proxmox and FortiGate ask; false sends it on every call.
   */
  boolean writesOnly() default true;
}
