package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A header sent on every request of a {@link HeaderAuth} or {@link TokenLogin} client: either a
 * fixed {@link #value()}, or a value set by one builder setter (which also takes a {@code
 * Supplier<String>}, asked on every request, for a value that rotates).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface StaticHeader {
  /** The header name, e.g. {@code "MediaSiloHostContext"}. */
  String name();

  /**
   * The builder setter's name, a Java identifier, e.g. {@code "hostContext"}; empty when {@link
   * #value()} fixes the value. Exactly one of the two is given.
   */
  String setter() default "";

  /** A secret (an API key): redacted everywhere. Every declared header is redacted in logs. */
  boolean secret() default false;

  /**
   * How the header is written, {@code {value}} standing for the value, e.g. {@code "Bearer
   * {value}"} (Kubernetes) or {@code "Splunk {value}"}.
   */
  String format() default "{value}";

  /** A fixed value needing no setter, e.g. {@code "application/json"} for {@code Accept}. */
  String value() default "";
}
