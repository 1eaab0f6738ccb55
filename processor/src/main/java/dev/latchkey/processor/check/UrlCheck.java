package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL of the method annotation and the {@code @Url} parameter: one of them must give the URL,
 * never both; no placeholders in the query string; absolute URLs must be http(s) with a host.
 */
final class UrlCheck {
  /** RFC 3986 section 3.1; OkHttp reads a leading "name:" as a scheme, even in "users:search". */
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

  private static final Pattern HTTP_WITH_HOST =
      Pattern.compile("^https?://[^/?#]+", Pattern.CASE_INSENSITIVE);

  private UrlCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    checkUrlParams(method, reporter);
    Optional<Verb> verb = method.verb();
    if (verb.isEmpty()) {
      return;
    }
    Verb v = verb.get();
    if (v.url().isEmpty()) {
      if (!method.has(RetrofitNames.URL)) {
        reporter.error(
            method.element, v.mirror(), Diagnostic.MISSING_URL, v.annotation(), v.annotation());
      }
      return;
    }
    checkQueryString(method, v, reporter);
    checkAbsolute(method, v, reporter);
  }

  private static void checkUrlParams(RetrofitMethod method, Reporter reporter) {
    Param first = null;
    for (int i = 0; i < method.params.size(); i++) {
      Param param = method.params.get(i);
      if (!param.is(RetrofitNames.URL)) {
        continue;
      }
      if (first != null) {
        reporter.error(
            param.element(), param.annotation(), Diagnostic.URL_PARAM_DUPLICATE, first.name());
        continue;
      }
      first = param;
      method
          .queryBefore(i)
          .ifPresent(query -> reporter.error(
              param.element(),
              param.annotation(),
              Diagnostic.URL_PARAM_AFTER_QUERY,
              param.name(),
              query.kind(),
              query.name()));
      method
          .verb()
          .filter(verb -> !verb.url().isEmpty())
          .ifPresent(verb -> reporter.error(
              param.element(),
              param.annotation(),
              Diagnostic.URL_PARAM_WITH_RELATIVE_URL,
              verb.annotation(),
              verb.url(),
              verb.annotation()));
      if (RetrofitNames.URL_TYPES.stream().noneMatch(name -> TypeShapes.is(param.type(), name))) {
        reporter.error(
            param.element(),
            param.annotation(),
            Diagnostic.URL_PARAM_TYPE,
            TypeShapes.describe(param.type()));
      }
    }
  }

  /** RequestFactory.parseHttpMethodAndPath: "For dynamic query parameters use @Query." */
  private static void checkQueryString(RetrofitMethod method, Verb verb, Reporter reporter) {
    int question = verb.url().indexOf('?');
    if (question == -1) {
      return;
    }
    String query = verb.url().substring(question + 1);
    if (PathCheck.PLACEHOLDER.matcher(query).find()) {
      reporter.error(
          method.element,
          verb.mirror(),
          verb.urlValue(),
          Diagnostic.QUERY_STRING_PLACEHOLDER,
          query);
    }
  }

  private static void checkAbsolute(RetrofitMethod method, Verb verb, Reporter reporter) {
    Matcher scheme = SCHEME.matcher(verb.url());
    if (!scheme.find()) {
      return;
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    if (!name.equals("http") && !name.equals("https")) {
      reporter.error(
          method.element,
          verb.mirror(),
          verb.urlValue(),
          Diagnostic.URL_SCHEME,
          verb.url(),
          scheme.group(1));
    } else if (!HTTP_WITH_HOST.matcher(verb.url()).find()) {
      reporter.error(
          method.element, verb.mirror(), verb.urlValue(), Diagnostic.URL_NO_HOST, verb.url());
    }
  }
}
