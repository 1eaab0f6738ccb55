package dev.latchkey.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the abstract methods the generated class must implement: those declared by the interface,
 * then those inherited from its super-interfaces (depth first, in source order), each once. Default
 * and static methods are skipped (the interface already implements them), and so are redeclared
 * {@code equals}, {@code hashCode} and {@code toString} (the class inherits them from {@code
 * Object}) and {@code close()} (the generated class closes its client).
 */
final class MethodCollector {
  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

  private final Elements elements;
  private final Types types;

  MethodCollector(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  List<MethodModel> collect(TypeElement iface) {
    List<ExecutableElement> seen = new ArrayList<>();
    List<MethodModel> result = new ArrayList<>();
    visit(iface, iface, seen, result);
    return result;
  }

  private void visit(
      TypeElement type, TypeElement iface, List<ExecutableElement> seen, List<MethodModel> result) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.STATIC)
          || method.getModifiers().contains(Modifier.PRIVATE)
          || isAlreadySeen(method, iface, seen)) {
        continue;
      }
      seen.add(method);
      if (method.getModifiers().contains(Modifier.ABSTRACT) && !isImplementedByClient(method)) {
        result.add(new MethodModel(method));
      }
    }
    for (TypeMirror parent : type.getInterfaces()) {
      visit((TypeElement) types.asElement(parent), iface, seen, result);
    }
  }

  /** Whether a more specific interface already declared (or overrode) this method. */
  private boolean isAlreadySeen(
      ExecutableElement method, TypeElement iface, List<ExecutableElement> seen) {
    for (ExecutableElement other : seen) {
      if (other.equals(method) || elements.overrides(other, method, iface)) {
        return true;
      }
    }
    return false;
  }

  /** Object's methods, and {@code close()} of an interface that extends {@code Closeable}. */
  private static boolean isImplementedByClient(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int parameters = method.getParameters().size();
    return (OBJECT_METHODS.contains(name) && parameters == (name.equals("equals") ? 1 : 0))
        || (name.equals("close")
            && parameters == 0
            && method.getReturnType().getKind() == TypeKind.VOID);
  }
}
