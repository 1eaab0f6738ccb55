package dev.latchkey.processor;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/** Reads and checks {@code @DigestAuth}. */
final class DigestAuthReader {
  static final String ANNOTATION = "dev.latchkey.annotations.DigestAuth";

  private final Reporter reporter;
  private final AttributeChecks checks;

  DigestAuthReader(Reporter reporter) {
    this.reporter = reporter;
    this.checks = new AttributeChecks(reporter);
  }

  /** The model, or empty after reporting every error found. */
  Optional<DigestModel> read(Mirror digest) {
    int errors = reporter.errorCount();
    Optional<Duration> nonceLifetime = checks.duration(digest, "nonceLifetime", false);
    List<String> algorithms = algorithms(digest);
    if (reporter.errorCount() > errors || nonceLifetime.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DigestModel(
        nonceLifetime.get(),
        algorithms,
        digest.bool("integrity"),
        digest.string("realm"),
        digest.bool("proxy"),
        digest.bool("mutualAuth")));
  }

  private List<String> algorithms(Mirror digest) {
    List<AnnotationValue> items = digest.list("algorithms");
    if (items.isEmpty()) {
      digest.error(reporter, "algorithms", Diagnostic.NO_ALGORITHMS);
    }
    Set<String> seen = new HashSet<>();
    for (AnnotationValue item : items) {
      String name = ((VariableElement) item.getValue()).getSimpleName().toString();
      if (!seen.add(name)) {
        digest.error(reporter, item, Diagnostic.DUPLICATE_ALGORITHM, name);
      }
    }
    return digest.enumNames("algorithms");
  }
}
