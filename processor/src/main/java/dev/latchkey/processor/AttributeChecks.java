package dev.latchkey.processor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Checks shared by the readers: one attribute at a time, each reporting on the exact value that is
 * wrong and returning what it could read.
 */
final class AttributeChecks {
  private final Reporter reporter;

  AttributeChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * A positive ISO-8601 duration; empty (and no error) when the attribute is empty and {@code
   * optional}, empty with an error when it is wrong.
   */
  Optional<Duration> duration(Mirror mirror, String name, boolean optional) {
    String text = mirror.string(name);
    if (text.isEmpty() && optional) {
      return Optional.empty();
    }
    Optional<Duration> duration = Syntax.duration(text);
    if (duration.isEmpty()) {
      mirror.error(reporter, name, Diagnostic.BAD_DURATION, mirror.describe(name), text);
    } else if (duration.get().isNegative() || duration.get().isZero()) {
      mirror.error(reporter, name, Diagnostic.DURATION_NOT_POSITIVE, mirror.describe(name), text);
      return Optional.empty();
    }
    return duration;
  }

  /** An RFC 6901 JSON pointer ({@code ""} included); returns it even when it was reported. */
  String pointer(Mirror mirror, String name) {
    String pointer = mirror.string(name);
    Syntax.jsonPointerProblem(pointer)
        .ifPresent(why -> mirror.error(
            reporter, name, Diagnostic.BAD_JSON_POINTER, mirror.describe(name), pointer, why));
    return pointer;
  }

  /** A header or cookie name ({@code kind}); an empty value is allowed when {@code optional}. */
  String httpName(Mirror mirror, String name, String kind, boolean optional) {
    String value = mirror.string(name);
    if (!(optional && value.isEmpty()) && !Syntax.isHttpToken(value)) {
      mirror.error(reporter, name, Diagnostic.BAD_HTTP_NAME, mirror.describe(name), value, kind);
    }
    return value;
  }

  /** A path relative to the base URL (or empty). */
  String relativePath(Mirror mirror, String name) {
    String path = mirror.string(name);
    if (path.startsWith("/")) {
      mirror.error(reporter, name, Diagnostic.ABSOLUTE_PATH, mirror.describe(name), path);
    }
    return path;
  }

  /** HTTP status codes, each between 100 and 599. */
  List<Integer> statuses(Mirror mirror, String name) {
    for (AnnotationValue item : mirror.list(name)) {
      int status = (Integer) item.getValue();
      if (status < 100 || status > 599) {
        mirror.error(reporter, item, Diagnostic.BAD_STATUS, mirror.describe(name), status);
      }
    }
    return mirror.ints(name);
  }
}
