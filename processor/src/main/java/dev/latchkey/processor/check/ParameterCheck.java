package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Every parameter has exactly one Retrofit annotation and a type Retrofit can resolve: no type
 * variables or wildcards, maps keyed by String, generic Iterables, distinct {@code @Tag} types
 * (RequestFactory.parseParameter and parseParameterAnnotation).
 */
final class ParameterCheck {
  /** Annotations that accept an Iterable or array of values. */
  private static final Set<String> REPEATABLE = Set.of(
      RetrofitNames.QUERY,
      RetrofitNames.QUERY_NAME,
      RetrofitNames.HEADER,
      RetrofitNames.FIELD,
      RetrofitNames.PART);

  private static final Set<String> MAPS =
      Set.of(RetrofitNames.QUERY_MAP, RetrofitNames.FIELD_MAP, RetrofitNames.PART_MAP);

  private ParameterCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    TypeShapes shapes = new TypeShapes(method.types, method.elements);
    Map<String, Param> tags = new HashMap<>();
    for (Param param : method.params) {
      if (param.annotations().isEmpty()) {
        reporter.error(param.element(), Diagnostic.PARAM_NOT_ANNOTATED, param.name());
        continue;
      }
      if (param.annotations().size() > 1) {
        String names = param.annotations().stream()
            .map(mirror -> "@" + Mirrors.simpleName(mirror))
            .collect(Collectors.joining(", "));
        reporter.error(
            param.element(),
            param.annotations().get(1),
            Diagnostic.PARAM_MULTIPLE_ANNOTATIONS,
            param.name(),
            names);
      }
      if (TypeShapes.hasUnresolvable(param.type())) {
        reporter.error(
            param.element(),
            param.annotation(),
            Diagnostic.PARAM_UNRESOLVABLE,
            TypeShapes.describe(param.type()));
        continue;
      }
      checkType(param, shapes, reporter);
      if (param.is(RetrofitNames.TAG)) {
        checkTag(param, method, tags, reporter);
      }
    }
  }

  private static void checkType(Param param, TypeShapes shapes, Reporter reporter) {
    TypeMirror type = param.type();
    String shown = TypeShapes.describe(type);
    if (MAPS.contains(param.kind()) && !isStringMap(type, shapes)) {
      reporter.error(param.element(), param.annotation(), Diagnostic.MAP_TYPE, param.kind(), shown);
    } else if (param.is(RetrofitNames.HEADER_MAP)
        && !TypeShapes.is(type, RetrofitNames.OKHTTP_HEADERS)
        && !isStringMap(type, shapes)) {
      reporter.error(param.element(), param.annotation(), Diagnostic.HEADER_MAP_TYPE, shown);
    } else if (REPEATABLE.contains(param.kind())
        && TypeShapes.isRaw(type)
        && shapes.isSubtype(type, "java.lang.Iterable")) {
      reporter.error(
          param.element(),
          param.annotation(),
          Diagnostic.RAW_ITERABLE,
          shown,
          shown.replaceAll("<.*", ""));
    }
  }

  /** Retrofit's rule for every *Map annotation: a Map whose key type is exactly String. */
  private static boolean isStringMap(TypeMirror type, TypeShapes shapes) {
    return shapes
        .supertype(type, "java.util.Map")
        .map(DeclaredType::getTypeArguments)
        .filter(arguments -> arguments.size() == 2)
        .filter(arguments -> TypeShapes.is(arguments.get(0), "java.lang.String"))
        .isPresent();
  }

  /** Retrofit keys request tags by class, so a second @Tag of one type overwrites the first. */
  private static void checkTag(
      Param param, RetrofitMethod method, Map<String, Param> tags, Reporter reporter) {
    String tagType = method.types.erasure(param.type()).toString();
    Param previous = tags.putIfAbsent(tagType, param);
    if (previous != null) {
      reporter.error(
          param.element(),
          param.annotation(),
          Diagnostic.TAG_DUPLICATE,
          TypeShapes.describe(method.types.erasure(param.type())),
          previous.name());
    }
  }
}
