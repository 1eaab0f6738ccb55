package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import javax.lang.model.type.TypeMirror;

/**
 * Multipart parameter types (RequestFactory.parseParameterAnnotation): a {@code MultipartBody.Part}
 * names itself, anything else needs a name in {@code @Part}.
 */
final class PartCheck {
  private PartCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    if (method.multipart.isEmpty()) {
      return; // FormCheck already reports the parts themselves.
    }
    TypeShapes shapes = new TypeShapes(method.types, method.elements);
    for (Param param : method.params(RetrofitNames.PART)) {
      if (TypeShapes.hasUnresolvable(param.type())) {
        continue; // ParameterCheck reports it.
      }
      TypeMirror single = shapes.elementType(param.type()).orElse(param.type());
      boolean isPart = shapes.isSubtype(single, RetrofitNames.MULTIPART_PART);
      String name = Mirrors.string(param.annotation(), "value", method.elements);
      if (name.isEmpty() && !isPart && !TypeShapes.isRaw(param.type())) {
        reporter.error(
            param.element(),
            param.annotation(),
            Diagnostic.PART_NAME_MISSING,
            TypeShapes.describe(param.type()));
      } else if (!name.isEmpty() && isPart) {
        reporter.error(
            param.element(),
            param.annotation(),
            Mirrors.explicit(param.annotation(), "value"),
            Diagnostic.PART_NAME_ON_MULTIPART_PART,
            name);
      }
    }
    for (Param param : method.params(RetrofitNames.PART_MAP)) {
      shapes
          .supertype(param.type(), "java.util.Map")
          .filter(map -> map.getTypeArguments().size() == 2)
          .map(map -> map.getTypeArguments().get(1))
          .filter(value -> shapes.isSubtype(value, RetrofitNames.MULTIPART_PART))
          .ifPresent(value ->
              reporter.error(param.element(), param.annotation(), Diagnostic.PART_MAP_OF_PARTS));
    }
  }
}
