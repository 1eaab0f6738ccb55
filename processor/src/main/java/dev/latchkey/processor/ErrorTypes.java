package dev.latchkey.processor;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds types javac could not resolve yet in an interface's methods. Such a type may be written by
 * another processor in a later round, so the interface waits for that round instead of producing a
 * client that names a type that does not exist.
 */
final class ErrorTypes {
  private ErrorTypes() {}

  static boolean in(TypeElement iface, Elements elements) {
    for (TypeMirror parent : iface.getInterfaces()) {
      if (isError(parent)) {
        return true;
      }
    }
    List<? extends Element> members = elements.getAllMembers(iface);
    for (ExecutableElement method : ElementFilter.methodsIn(members)) {
      if (isError(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (isError(parameter.asType())) {
          return true;
        }
      }
      for (TypeMirror thrown : method.getThrownTypes()) {
        if (isError(thrown)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isError(TypeMirror type) {
    if (type == null) {
      return false;
    }
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return isError(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      return isError(wildcard.getExtendsBound()) || isError(wildcard.getSuperBound());
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        if (isError(argument)) {
          return true;
        }
      }
    }
    return false;
  }
}
