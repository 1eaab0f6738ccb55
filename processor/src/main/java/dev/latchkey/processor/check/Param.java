package dev.latchkey.processor.check;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One method parameter with its Retrofit parameter annotations.
 *
 * @param element the parameter, for error positions
 * @param type its type as seen from the checked interface
 * @param annotations its Retrofit parameter annotations, in source order (valid: exactly one)
 */
record Param(VariableElement element, TypeMirror type, List<AnnotationMirror> annotations) {

  /** The first Retrofit annotation, or null when there is none. */
  AnnotationMirror annotation() {
    return annotations.isEmpty() ? null : annotations.get(0);
  }

  /** The simple name of the first Retrofit annotation ("Path"), or "" when there is none. */
  String kind() {
    return annotations.isEmpty() ? "" : Mirrors.simpleName(annotations.get(0));
  }

  boolean is(String kind) {
    return kind().equals(kind);
  }

  String name() {
    return element.getSimpleName().toString();
  }
}
