package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named deployment of the API, selected with the generated builder's {@code environment(name)}.
 *
 * <p>Give exactly one of {@link #baseUrl()} (a literal absolute URL ending in {@code /}) or {@link
 * #baseUrlProperty()} (a configuration key looked up when the client is built: first as a system
 * property, then as an environment variable with dots turned into underscores and letters upper
 * case). Use the property form when the vendor does not publish its hosts.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Environments.class)
public @interface Environment {
  /** The name passed to {@code environment(name)}, e.g. {@code "production"}. */
  String name();

  /** A literal base URL such as {@code "https://api.example.com/v3/"}. */
  String baseUrl() default "";

  /** A configuration key holding the base URL, such as {@code "ondemand.production.url"}. */
  String baseUrlProperty() default "";
}
