package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import java.util.List;
import java.util.Optional;

/** {@code @Body}: at most once, only with a method that has a body and no form/multipart. */
final class BodyCheck {
  private BodyCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    List<Param> bodies = method.params(RetrofitNames.BODY);
    if (bodies.isEmpty()) {
      return;
    }
    Param body = bodies.get(0);
    for (Param duplicate : bodies.subList(1, bodies.size())) {
      reporter.error(
          duplicate.element(), duplicate.annotation(), Diagnostic.BODY_DUPLICATE, body.name());
    }
    if (method.formUrlEncoded.isPresent()) {
      reporter.error(
          body.element(),
          body.annotation(),
          Diagnostic.BODY_WITH_ENCODING,
          "FormUrlEncoded",
          "Field",
          "FormUrlEncoded");
    } else if (method.multipart.isPresent()) {
      reporter.error(
          body.element(),
          body.annotation(),
          Diagnostic.BODY_WITH_ENCODING,
          "Multipart",
          "Part",
          "Multipart");
    } else {
      Optional<Verb> verb = method.verb();
      if (verb.isPresent() && !verb.get().hasBody()) {
        reporter.error(
            body.element(),
            body.annotation(),
            Diagnostic.BODY_WITHOUT_BODY_METHOD,
            verb.get().annotation(),
            verb.get().method());
      }
    }
  }
}
