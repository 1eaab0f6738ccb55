package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import java.util.regex.Pattern;

/**
 * Exactly one HTTP method annotation per method, and a valid method name in {@code @HTTP}
 * (RequestFactory.Builder.build and parseHttpMethodAndPath).
 */
final class HttpMethodCheck {
  /** RFC 9110 section 5.6.2: a method is a token. */
  static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

  private HttpMethodCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    if (method.verbs.isEmpty()) {
      reporter.error(method.element, Diagnostic.NO_HTTP_METHOD, method.name());
      return;
    }
    Verb first = method.verbs.get(0);
    for (Verb other : method.verbs.subList(1, method.verbs.size())) {
      reporter.error(
          method.element,
          other.mirror(),
          Diagnostic.MULTIPLE_HTTP_METHODS,
          method.name(),
          first.annotation(),
          other.annotation());
    }
    for (Verb verb : method.verbs) {
      if (verb.annotation().equals("HTTP") && !TOKEN.matcher(verb.method()).matches()) {
        var value = Mirrors.explicit(verb.mirror(), "method");
        reporter.error(
            method.element, verb.mirror(), value, Diagnostic.HTTP_METHOD_INVALID, verb.method());
      }
    }
  }
}
