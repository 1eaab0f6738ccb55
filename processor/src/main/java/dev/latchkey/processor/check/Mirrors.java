package dev.latchkey.processor.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads annotation mirrors by qualified name, so no annotation class is needed at compile time. */
final class Mirrors {
  private Mirrors() {}

  static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement())
        .getQualifiedName()
        .toString();
  }

  static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  static boolean isRetrofit(AnnotationMirror mirror) {
    return qualifiedName(mirror).startsWith(RetrofitNames.HTTP_PACKAGE);
  }

  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .filter(mirror -> qualifiedName(mirror).equals(qualifiedName))
        .map(mirror -> (AnnotationMirror) mirror)
        .findFirst();
  }

  /**
   * The value as written, or null when the attribute was left at its default: then errors are
   * reported on the annotation itself, since there is no value in the source to point at.
   */
  static AnnotationValue explicit(AnnotationMirror mirror, String attribute) {
    return find(mirror.getElementValues(), attribute);
  }

  /** A String attribute, or "" when javac could not attribute it (it reports that itself). */
  static String string(AnnotationMirror mirror, String attribute, Elements elements) {
    return value(mirror, attribute, elements) instanceof String string ? string : "";
  }

  /** A boolean attribute, or false when javac could not attribute it. */
  static boolean bool(AnnotationMirror mirror, String attribute, Elements elements) {
    return value(mirror, attribute, elements) instanceof Boolean bool && bool;
  }

  private static Object value(AnnotationMirror mirror, String attribute, Elements elements) {
    AnnotationValue value = find(elements.getElementValuesWithDefaults(mirror), attribute);
    return value == null ? null : value.getValue();
  }

  /** The elements of an array attribute (a single value written without braces is one element). */
  @SuppressWarnings("unchecked")
  static List<? extends AnnotationValue> array(
      AnnotationMirror mirror, String attribute, Elements elements) {
    Object value = value(mirror, attribute, elements);
    return value instanceof List<?> ? (List<? extends AnnotationValue>) value : List.of();
  }

  private static AnnotationValue find(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        values.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
