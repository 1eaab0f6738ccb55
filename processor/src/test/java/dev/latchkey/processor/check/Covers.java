package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the test that proves one diagnostic is reported; {@link CoverageTest} counts them. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {
  Diagnostic value();
}
