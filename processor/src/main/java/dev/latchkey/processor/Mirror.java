package dev.latchkey.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * One annotation on the interface, with its defaults filled in, read attribute by attribute. It
 * keeps each {@link AnnotationValue} so that an error points at the value that is wrong, and the
 * annotated element so that callers need not pass it around.
 */
final class Mirror {
  private final Element element;
  private final AnnotationMirror annotation;

  /**
   * Where this annotation is in the source, when javac cannot find it from its mirror: the repeated
   * annotations inside a container that javac synthesized. Null otherwise.
   */
  private final AnnotationSource source;

  private final Map<String, AnnotationValue> values = new HashMap<>();
  private final Map<String, AnnotationValue> explicit = new HashMap<>();
  private final Elements elements;

  private Mirror(
      Element element, AnnotationMirror annotation, AnnotationSource source, Elements elements) {
    this.element = element;
    this.annotation = annotation;
    this.source = source;
    this.elements = elements;
    elements
        .getElementValuesWithDefaults(annotation)
        .forEach((key, value) -> values.put(key.getSimpleName().toString(), value));
    annotation
        .getElementValues()
        .forEach((key, value) -> explicit.put(key.getSimpleName().toString(), value));
  }

  /** The annotation named {@code qualifiedName} on {@code element}, if present. */
  static Optional<Mirror> find(Element element, String qualifiedName, Elements elements) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(new Mirror(element, mirror, null, elements));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an annotation on {@code element} holds a value javac could not resolve (an undefined
   * constant). javac has reported it already and hands us the text {@code <error>} for it, which
   * must not be checked as if the user had written it.
   */
  static boolean hasUnresolvedValues(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (hasUnresolvedValues(mirror)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUnresolvedValues(AnnotationMirror mirror) {
    for (AnnotationValue value : mirror.getElementValues().values()) {
      if (isUnresolved(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnresolved(AnnotationValue value) {
    Object content = value.getValue();
    if (content instanceof AnnotationMirror nested) {
      return hasUnresolvedValues(nested);
    }
    if (content instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof AnnotationValue itemValue && isUnresolved(itemValue)) {
          return true;
        }
      }
      return false;
    }
    // javac's Attribute.Error: a String constant would print with its quotes.
    return value.toString().equals("<error>");
  }

  Element element() {
    return element;
  }

  AnnotationMirror annotation() {
    return annotation;
  }

  /** How messages name attribute {@code name}: {@code @DigestAuth nonceLifetime}. */
  String describe(String name) {
    return "@" + annotation.getAnnotationType().asElement().getSimpleName() + " " + name;
  }

  /** The value of {@code name}, the default if it was not written. */
  AnnotationValue value(String name) {
    AnnotationValue value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(annotation.getAnnotationType() + " has no " + name);
    }
    return value;
  }

  /** Whether {@code name} was written in the source (rather than left at its default). */
  boolean isExplicit(String name) {
    return explicit.containsKey(name);
  }

  String string(String name) {
    return (String) value(name).getValue();
  }

  boolean bool(String name) {
    return (Boolean) value(name).getValue();
  }

  List<String> strings(String name) {
    List<String> result = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      result.add((String) item.getValue());
    }
    return result;
  }

  List<Integer> ints(String name) {
    List<Integer> result = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      result.add((Integer) item.getValue());
    }
    return result;
  }

  /** The constant name of an enum attribute, such as {@code JSON}. */
  String enumName(String name) {
    return ((VariableElement) value(name).getValue()).getSimpleName().toString();
  }

  /** The constant names of an enum array attribute, in source order. */
  List<String> enumNames(String name) {
    List<String> result = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      result.add(((VariableElement) item.getValue()).getSimpleName().toString());
    }
    return result;
  }

  /** A nested annotation attribute, such as {@code session = @Session(..)}. */
  Mirror nested(String name) {
    return new Mirror(element, (AnnotationMirror) value(name).getValue(), null, elements);
  }

  /** A nested annotation array attribute, such as {@code headers = {@StaticHeader(..), ..}}. */
  List<Mirror> nestedList(String name) {
    List<Mirror> result = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      result.add(new Mirror(element, (AnnotationMirror) item.getValue(), null, elements));
    }
    return result;
  }

  /**
   * The items of a container's {@code value}, each located through {@code sources} (same order)
   * when they are the repeated annotations javac wrapped in a container of its own.
   */
  List<Mirror> repeated(List<AnnotationSource> sources) {
    List<Mirror> result = nestedList("value");
    if (sources.size() != result.size()) {
      return result;
    }
    List<Mirror> located = new ArrayList<>();
    for (int i = 0; i < result.size(); i++) {
      located.add(new Mirror(element, result.get(i).annotation, sources.get(i), elements));
    }
    return located;
  }

  /** The items of an array attribute, each usable as the target of an error. */
  @SuppressWarnings("unchecked") // javac represents every array attribute value as such a list
  List<AnnotationValue> list(String name) {
    return (List<AnnotationValue>) value(name).getValue();
  }

  /** Reports {@code diagnostic} on the attribute {@code name} of this annotation. */
  void error(Reporter reporter, String name, Diagnostic diagnostic, Object... args) {
    if (source != null) {
      source.error(reporter, name, diagnostic, args);
      return;
    }
    reporter.error(element, annotation, value(name), diagnostic, args);
  }

  /** Reports {@code diagnostic} on one item of an array attribute. */
  void error(Reporter reporter, AnnotationValue item, Diagnostic diagnostic, Object... args) {
    reporter.error(element, annotation, item, diagnostic, args);
  }

  /** Reports {@code diagnostic} on item {@code index} of the array attribute {@code name}. */
  void error(Reporter reporter, String name, int index, Diagnostic diagnostic, Object... args) {
    if (source != null) {
      source.error(reporter, name, index, diagnostic, args);
      return;
    }
    reporter.error(element, annotation, list(name).get(index), diagnostic, args);
  }

  /** Reports {@code diagnostic} on this annotation as a whole. */
  void error(Reporter reporter, Diagnostic diagnostic, Object... args) {
    if (source != null) {
      source.error(reporter, null, diagnostic, args);
      return;
    }
    reporter.error(element, annotation, diagnostic, args);
  }
}
