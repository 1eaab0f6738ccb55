package dev.latchkey.processor.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Questions about type mirrors that the checks ask, answered by qualified name. */
final class TypeShapes {
  private final Types types;
  private final Elements elements;

  TypeShapes(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** Whether {@code type} is the class {@code qualifiedName} itself (any type arguments). */
  static boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** A generic class used without type arguments, e.g. {@code Call} or {@code List}. */
  static boolean isRaw(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).getTypeArguments().isEmpty()
        && !((TypeElement) ((DeclaredType) type).asElement())
            .getTypeParameters()
            .isEmpty();
  }

  static TypeMirror argument(TypeMirror type, int index) {
    return ((DeclaredType) type).getTypeArguments().get(index);
  }

  /**
   * Retrofit's {@code Utils.hasUnresolvableType}: a type variable or wildcard anywhere in the type
   * cannot be resolved from the reflected method at run time.
   */
  static boolean hasUnresolvable(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR:
      case WILDCARD:
        return true;
      case ARRAY:
        return hasUnresolvable(((ArrayType) type).getComponentType());
      case DECLARED:
        return ((DeclaredType) type)
            .getTypeArguments().stream().anyMatch(TypeShapes::hasUnresolvable);
      default:
        return false;
    }
  }

  /** Whether {@code type} is {@code qualifiedName} or a subtype of it (type arguments ignored). */
  boolean isSubtype(TypeMirror type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    if (target == null || type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    return types.isSubtype(types.erasure(type), types.erasure(target.asType()));
  }

  /**
   * The supertype of {@code type} that is {@code qualifiedName}, with type arguments filled in
   * (Retrofit's {@code Utils.getSupertype}): {@code HashMap<String, Integer>} as a {@code Map}
   * is {@code Map<String, Integer>}.
   */
  Optional<DeclaredType> supertype(TypeMirror type, String qualifiedName) {
    Deque<TypeMirror> queue = new ArrayDeque<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      TypeMirror next = queue.remove();
      if (is(next, qualifiedName)) {
        return Optional.of((DeclaredType) next);
      }
      queue.addAll(types.directSupertypes(next));
    }
    return Optional.empty();
  }

  /** The element type of an array or Iterable, or empty for other types. */
  Optional<TypeMirror> elementType(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return Optional.of(((ArrayType) type).getComponentType());
    }
    return supertype(type, "java.lang.Iterable")
        .filter(iterable -> !iterable.getTypeArguments().isEmpty())
        .map(iterable -> iterable.getTypeArguments().get(0));
  }

  /** The type as users read it in a message: {@code Call<List<User>>}. */
  static String describe(TypeMirror type) {
    return type.toString().replaceAll("\\b[a-z][a-z0-9_]*\\.(?=[a-zA-Z])", "");
  }
}
