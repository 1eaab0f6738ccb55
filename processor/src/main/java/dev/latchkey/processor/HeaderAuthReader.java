package dev.latchkey.processor;

import dev.latchkey.processor.HeaderModel.BodyField;
import dev.latchkey.processor.HeaderModel.SessionModel;
import dev.latchkey.processor.HeaderModel.StaticHeaderModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationValue;

/** Reads and checks {@code @HeaderAuth} with its {@code @StaticHeader}s and {@code @Session}. */
final class HeaderAuthReader {
  static final String ANNOTATION = "dev.latchkey.annotations.HeaderAuth";

  /** The generated builder's own methods (and Object's), which a header setter must not shadow. */
  static final Set<String> RESERVED_SETTERS = Set.of(
      "build",
      "builder",
      "environment",
      "baseUrl",
      "okHttpClient",
      "clock",
      "eventListener",
      "customize",
      "credentials",
      "mode",
      "sessionStore",
      "pins",
      "trustPem",
      "tls",
      "tlsSteps",
      "signingKey",
      "customizers",
      "equals",
      "hashCode",
      "toString",
      "getClass",
      "notify",
      "notifyAll",
      "wait",
      "clone",
      "finalize");

  private static final Pattern BODY_FIELD = Pattern.compile("(.*)=\\{([^{}]*)\\}");

  private final Reporter reporter;
  private final AttributeChecks checks;
  private final StaticHeaderReader staticHeaders;

  HeaderAuthReader(Reporter reporter) {
    this.reporter = reporter;
    this.checks = new AttributeChecks(reporter);
    this.staticHeaders = new StaticHeaderReader(reporter);
  }

  /** The model, or empty after reporting every error found. */
  Optional<HeaderModel> read(Mirror auth) {
    int errors = reporter.errorCount();
    List<StaticHeaderModel> headers = staticHeaders.read(auth);
    Optional<SessionModel> session = session(auth.nested("session"), headers);
    boolean basic = auth.bool("basic");
    if (!basic && session.isEmpty() && headers.isEmpty()) {
      auth.error(reporter, Diagnostic.NO_HEADERS);
    }
    HeaderModel model = new HeaderModel(
        headers,
        basic,
        session,
        checks.statuses(auth, "authFailedStatus"),
        checks.statuses(auth, "rateLimitStatus"));
    return reporter.errorCount() > errors ? Optional.empty() : Optional.of(model);
  }

  private Optional<SessionModel> session(Mirror session, List<StaticHeaderModel> headers) {
    String path = checks.relativePath(session, "path");
    if (path.isEmpty()) {
      return Optional.empty();
    }
    String keyHeader = checks.httpName(session, "keyHeader", "header", true);
    if (keyHeader.isEmpty()) {
      session.error(reporter, "keyHeader", Diagnostic.SESSION_WITHOUT_KEY_HEADER, path);
    }
    Optional<Duration> idle = checks.duration(session, "idleLifetime", true);
    return Optional.of(new SessionModel(
        path,
        checks.pointer(session, "usernameField"),
        checks.pointer(session, "passwordField"),
        checks.pointer(session, "keyPointer"),
        keyHeader,
        idle,
        checks.relativePath(session, "endPath"),
        bodyFields(session, headers)));
  }

  private List<BodyField> bodyFields(Mirror session, List<StaticHeaderModel> headers) {
    List<BodyField> result = new ArrayList<>();
    for (AnnotationValue item : session.list("bodyFields")) {
      String entry = (String) item.getValue();
      Matcher matcher = BODY_FIELD.matcher(entry);
      if (!matcher.matches()
          || Syntax.jsonPointerProblem(matcher.group(1)).isPresent()
          || matcher.group(1).isEmpty()) {
        session.error(reporter, item, Diagnostic.BAD_BODY_FIELD, entry);
        continue;
      }
      String setter = matcher.group(2);
      if (headers.stream().noneMatch(header -> header.setter().equals(setter))) {
        session.error(
            reporter,
            item,
            Diagnostic.UNKNOWN_BODY_FIELD_SETTER,
            entry,
            setter,
            StaticHeaderReader.suggestion(setter, headers));
        continue;
      }
      result.add(new BodyField(matcher.group(1), setter));
    }
    return result;
  }
}
