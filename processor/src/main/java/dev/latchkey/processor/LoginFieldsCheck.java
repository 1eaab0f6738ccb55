package dev.latchkey.processor;

import dev.latchkey.processor.HeaderModel.StaticHeaderModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationValue;

/**
 * Checks the fixed body fields of {@code @TokenLogin} ({@code loginFields}, {@code logoutFields}):
 * {@code "/pointer=text"} or {@code "/pointer:=json"} in a JSON body, {@code "name=value"} in a
 * form; {@code {setter}} in a text value must name a declared static header.
 */
final class LoginFieldsCheck {
  /** {@code {setter}} references; the same grammar as {@code @Session bodyFields}. */
  private static final Pattern SETTER = Pattern.compile("\\{([^{}]*)\\}");

  private final Reporter reporter;

  LoginFieldsCheck(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The valid entries of {@code attribute}, in order; every other one reported on its own value. */
  List<String> read(Mirror login, String attribute, String body, List<StaticHeaderModel> headers) {
    List<String> result = new ArrayList<>();
    for (AnnotationValue item : login.list(attribute)) {
      String entry = (String) item.getValue();
      Optional<String> problem = problem(entry, body);
      if (problem.isPresent()) {
        login.error(reporter, item, Diagnostic.BAD_LOGIN_FIELD, attribute, entry, problem.get());
        continue;
      }
      Optional<String> unknown = unknownSetter(entry, headers);
      if (unknown.isPresent()) {
        login.error(
            reporter,
            item,
            Diagnostic.UNKNOWN_LOGIN_FIELD_SETTER,
            attribute,
            entry,
            unknown.get(),
            StaticHeaderReader.suggestion(unknown.get(), headers));
        continue;
      }
      result.add(entry);
    }
    return result;
  }

  /** Why {@code entry} is not a field of a {@code body} ("JSON", "FORM", "NONE") body, if it is not. */
  static Optional<String> problem(String entry, String body) {
    if (body.equals("NONE")) {
      return Optional.of("cannot be sent: loginBody = NONE sends no body");
    }
    int equals = entry.indexOf('=');
    if (body.equals("FORM")) {
      if (equals <= 0) {
        return Optional.of("must look like \"name=value\", e.g. \"output_mode=json\"");
      }
      return entry.startsWith("/")
          ? Optional.of("names a JSON pointer, but loginBody = FORM takes \"name=value\"")
          : Optional.empty();
    }
    if (equals < 0 || !entry.startsWith("/")) {
      return Optional.of(
          "must look like \"/pointer=text\" or \"/pointer:=json\", e.g. \"/loginProviderName=tmos\"");
    }
    boolean raw = equals > 0 && entry.charAt(equals - 1) == ':';
    String pointer = entry.substring(0, raw ? equals - 1 : equals);
    if (pointer.length() < 2) {
      return Optional.of("must name a field: \"/\" alone is the body itself");
    }
    Optional<String> pointerProblem = Syntax.jsonPointerProblem(pointer);
    if (pointerProblem.isPresent()) {
      return Optional.of("has a pointer that is not RFC 6901: " + pointerProblem.get());
    }
    if (raw) {
      return Syntax.jsonProblem(entry.substring(equals + 1))
          .map(why -> "has a value after := that is not JSON: " + why);
    }
    return Optional.empty();
  }

  /** The first {@code {setter}} of a text value that no header declares, if any. */
  private static Optional<String> unknownSetter(String entry, List<StaticHeaderModel> headers) {
    int equals = entry.indexOf('=');
    if (equals > 0 && entry.charAt(equals - 1) == ':') {
      return Optional.empty(); // a JSON literal is sent as written
    }
    Matcher matcher = SETTER.matcher(entry.substring(equals + 1));
    while (matcher.find()) {
      String setter = matcher.group(1);
      if (headers.stream().noneMatch(h -> h.hasSetter() && h.setter().equals(setter))) {
        return Optional.of(setter);
      }
    }
    return Optional.empty();
  }
}
