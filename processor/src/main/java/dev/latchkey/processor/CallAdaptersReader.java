package dev.latchkey.processor;

import com.palantir.javapoet.ClassName;
import dev.latchkey.processor.check.Wrappers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @CallAdapters}: the factories the generated builder installs (each checked to be a
 * {@code CallAdapter.Factory} with a static {@code create()}) and the wrapper types the interface's
 * methods may return because of them.
 */
final class CallAdaptersReader {
  static final String ANNOTATION = "dev.latchkey.annotations.CallAdapters";
  private static final String FACTORY = "retrofit2.CallAdapter.Factory";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  CallAdaptersReader(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** The declared adapters; none when the annotation is absent. Errors go to the reporter. */
  AdaptersModel read(TypeElement iface) {
    Optional<Mirror> found = Mirror.find(iface, ANNOTATION, elements);
    if (found.isEmpty()) {
      return AdaptersModel.NONE;
    }
    Mirror mirror = found.get();
    List<ClassName> factories = new ArrayList<>();
    Set<String> wrappers = new LinkedHashSet<>();
    for (AnnotationValue item : mirror.list("factories")) {
      TypeElement factory = typeOf(item);
      if (factory == null || !isFactory(factory)) {
        mirror.error(reporter, item, Diagnostic.BAD_CALL_ADAPTER_FACTORY, item.toString());
        continue;
      }
      factories.add(ClassName.get(factory));
      wrappers.addAll(Wrappers.servedBy(factory.getQualifiedName().toString()));
    }
    for (AnnotationValue item : mirror.list("wrappers")) {
      TypeElement wrapper = typeOf(item);
      if (wrapper != null) {
        wrappers.add(wrapper.getQualifiedName().toString());
      }
    }
    return new AdaptersModel(factories, wrappers);
  }

  private static TypeElement typeOf(AnnotationValue item) {
    return item.getValue() instanceof DeclaredType type
            && type.asElement() instanceof TypeElement element
        ? element
        : null;
  }

  private boolean isFactory(TypeElement factory) {
    TypeElement base = elements.getTypeElement(FACTORY);
    if (base == null || !types.isSubtype(factory.asType(), base.asType())) {
      return false;
    }
    for (Element member : factory.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD
          && member.getSimpleName().contentEquals("create")
          && member.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC))
          && ((ExecutableElement) member).getParameters().isEmpty()) {
        TypeMirror returned = ((ExecutableElement) member).getReturnType();
        return types.isAssignable(returned, base.asType());
      }
    }
    return false;
  }
}
