package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;

/**
 * {@code @FormUrlEncoded} and {@code @Multipart}: not together, only on methods with a body, and
 * with at least one field or part; {@code @Field}/{@code @Part} only under their encoding.
 */
final class FormCheck {
  private FormCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    Optional<AnnotationMirror> form = method.formUrlEncoded;
    Optional<AnnotationMirror> multipart = method.multipart;
    if (form.isPresent() && multipart.isPresent()) {
      reporter.error(
          method.element,
          later(method, form.get(), multipart.get()),
          Diagnostic.FORM_AND_MULTIPART);
    }
    method.verb().filter(verb -> !verb.hasBody()).ifPresent(verb -> {
      form.ifPresent(mirror -> reporter.error(
          method.element,
          mirror,
          Diagnostic.ENCODING_WITHOUT_BODY,
          "FormUrlEncoded",
          verb.annotation(),
          verb.method()));
      multipart.ifPresent(mirror -> reporter.error(
          method.element,
          mirror,
          Diagnostic.ENCODING_WITHOUT_BODY,
          "Multipart",
          verb.annotation(),
          verb.method()));
    });
    for (Param param : method.params) {
      boolean field = param.is(RetrofitNames.FIELD) || param.is(RetrofitNames.FIELD_MAP);
      boolean part = param.is(RetrofitNames.PART) || param.is(RetrofitNames.PART_MAP);
      if (field && form.isEmpty()) {
        reporter.error(
            param.element(), param.annotation(), Diagnostic.FIELD_WITHOUT_FORM, param.kind());
      }
      if (part && multipart.isEmpty()) {
        reporter.error(
            param.element(), param.annotation(), Diagnostic.PART_WITHOUT_MULTIPART, param.kind());
      }
    }
    // With both encodings the user must first pick one; "add a field" would be premature.
    if (form.isPresent()
        && multipart.isEmpty()
        && !method.has(RetrofitNames.FIELD)
        && !method.has(RetrofitNames.FIELD_MAP)) {
      reporter.error(method.element, form.get(), Diagnostic.FORM_WITHOUT_FIELDS);
    }
    if (multipart.isPresent()
        && form.isEmpty()
        && !method.has(RetrofitNames.PART)
        && !method.has(RetrofitNames.PART_MAP)) {
      reporter.error(method.element, multipart.get(), Diagnostic.MULTIPART_WITHOUT_PARTS);
    }
  }

  private static AnnotationMirror later(
      RetrofitMethod method, AnnotationMirror a, AnnotationMirror b) {
    var mirrors = method.element.getAnnotationMirrors();
    return mirrors.indexOf(a) > mirrors.indexOf(b) ? a : b;
  }
}
