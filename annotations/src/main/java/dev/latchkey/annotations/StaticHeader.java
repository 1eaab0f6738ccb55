package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A header sent on every request of a {@link HeaderAuth} client, set by one builder setter. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface StaticHeader {
  /** The header name, e.g. {@code "MediaSiloHostContext"}. */
  String name();

  /** The builder setter's name, a Java identifier, e.g. {@code "hostContext"}. */
  String setter();

  /** A secret (an API key): redacted everywhere. Every declared header is redacted in logs. */
  boolean secret() default false;
}
