package dev.latchkey.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link LatchkeyPropertyException} into Spring Boot's start-up report. */
class LatchkeyPropertyFailureAnalyzer extends AbstractFailureAnalyzer<LatchkeyPropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, LatchkeyPropertyException cause) {
    return new FailureAnalysis(
        "Latchkey property " + cause.getMessage(),
        "Correct '" + cause.property() + "' in your application properties or environment.",
        cause);
  }
}
