package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @Path} names and URL placeholders match both ways. Retrofit only checks that each
 * {@code @Path} has a placeholder; a placeholder without {@code @Path} is sent as literal
 * "%7Bid%7D", so it is an error here too.
 */
final class PathCheck {
  /** RequestFactory.Builder.PARAM: letters, digits, '_' and '-', starting with a letter. */
  static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{(" + NAME.pattern() + ")\\}");

  private PathCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    Optional<Verb> verb = method.verb();
    Set<String> placeholders = verb.map(v -> placeholders(v.url())).orElse(Set.of());
    boolean hasUrlParam = method.has(RetrofitNames.URL);
    Map<String, Param> bound = new HashMap<>();
    List<Param> unmatched = new ArrayList<>();
    for (int i = 0; i < method.params.size(); i++) {
      Param param = method.params.get(i);
      if (!param.is(RetrofitNames.PATH)) {
        continue;
      }
      if (hasUrlParam) {
        reporter.error(param.element(), param.annotation(), Diagnostic.PATH_WITH_URL);
        continue;
      }
      method
          .queryBefore(i)
          .ifPresent(query -> reporter.error(
              param.element(),
              param.annotation(),
              Diagnostic.PATH_AFTER_QUERY,
              param.name(),
              query.kind(),
              query.name()));
      String name = Mirrors.string(param.annotation(), "value", method.elements);
      if (!NAME.matcher(name).matches()) {
        error(param, reporter, Diagnostic.PATH_NAME_INVALID, name);
      } else if (bound.containsKey(name)) {
        error(param, reporter, Diagnostic.PATH_DUPLICATE, name, bound.get(name).name());
      } else {
        bound.put(name, param);
        // Without any URL, UrlCheck's MISSING_URL is the one error worth reading.
        if (verb.isPresent() && !verb.get().url().isEmpty() && !placeholders.contains(name)) {
          unmatched.add(param);
        }
      }
    }
    if (verb.isPresent() && !hasUrlParam) {
      reportMismatches(method, verb.get(), placeholders, bound.keySet(), unmatched, reporter);
    }
  }

  /**
   * Pairs each unmatched {@code @Path} with the closest unfilled placeholder, so one typo gives
   * one error with a suggestion rather than two unrelated ones.
   */
  private static void reportMismatches(
      RetrofitMethod method,
      Verb verb,
      Set<String> placeholders,
      Set<String> boundNames,
      List<Param> unmatched,
      Reporter reporter) {
    Set<String> unfilled = new LinkedHashSet<>(placeholders);
    unfilled.removeAll(boundNames);
    for (Param param : unmatched) {
      String name = Mirrors.string(param.annotation(), "value", method.elements);
      Optional<String> suggestion = EditDistance.closest(name, unfilled);
      if (suggestion.isPresent()) {
        unfilled.remove(suggestion.get());
        error(
            param,
            reporter,
            Diagnostic.PATH_NOT_IN_URL_DID_YOU_MEAN,
            name,
            name,
            verb.url(),
            suggestion.get());
      } else {
        error(param, reporter, Diagnostic.PATH_NOT_IN_URL, name, name, verb.url(), name);
      }
    }
    for (String placeholder : unfilled) {
      reporter.error(
          method.element,
          verb.mirror(),
          verb.urlValue(),
          Diagnostic.PLACEHOLDER_WITHOUT_PATH,
          placeholder,
          placeholder);
    }
  }

  /** Placeholders of the path part; the query part is UrlCheck's (no placeholders allowed). */
  static Set<String> placeholders(String url) {
    int question = url.indexOf('?');
    String path = question == -1 ? url : url.substring(0, question);
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(path);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static void error(Param param, Reporter reporter, Diagnostic diagnostic, Object... args) {
    reporter.error(
        param.element(),
        param.annotation(),
        Mirrors.explicit(param.annotation(), "value"),
        diagnostic,
        args);
  }
}
