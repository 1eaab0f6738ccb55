package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Return types the generated client can call: {@code Call<T>}, {@code Response<T>},
 * {@code CompletableFuture<T>}, {@code CompletableFuture<Response<T>>}, a plain {@code T} or a
 * Kotlin suspend function's {@code T}, with a concrete body type {@code T} (ServiceMethod and
 * HttpServiceMethod.parseAnnotations); or a wrapper type served by a call adapter the interface
 * declares with {@code @CallAdapters}. A known wrapper type ({@link Wrappers}) without one is an
 * error: our direct-return adapter would take it for a body type. A {@code @HEAD} body type must
 * be Void.
 */
final class ReturnTypeCheck {
  private static final List<String> WRAPPERS =
      List.of(RetrofitNames.CALL, RetrofitNames.RESPONSE, RetrofitNames.COMPLETABLE_FUTURE);

  private ReturnTypeCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    TypeMirror type = method.returnType;
    String shown = TypeShapes.describe(type);
    if (type.getKind() == TypeKind.VOID) {
      reporter.error(method.element, Diagnostic.RETURN_VOID, method.name());
    } else if (type.getKind().isPrimitive()) {
      String boxed =
          method.types.boxedClass((PrimitiveType) type).getSimpleName().toString();
      reporter.error(method.element, Diagnostic.RETURN_PRIMITIVE, shown, boxed);
    } else if (TypeShapes.hasUnresolvable(type)) {
      reporter.error(method.element, Diagnostic.RETURN_UNRESOLVABLE, shown);
    } else if (method.suspend) {
      checkSuspend(method, type, reporter);
    } else if (isAdapted(method, type)) {
      return; // the declared adapter decides what it serves, as Retrofit will
    } else if (needsAdapter(method, type, reporter)) {
      return;
    } else {
      TypeMirror body = body(method, type, reporter);
      if (body != null) {
        checkBody(method, body, reporter);
      }
    }
  }

  /** The response body type, or null after reporting a wrapper used the wrong way. */
  private static TypeMirror body(RetrofitMethod method, TypeMirror type, Reporter reporter) {
    if (!isWrapper(type)) {
      return type;
    }
    String shown = TypeShapes.describe(type);
    if (TypeShapes.isRaw(type)) {
      reporter.error(method.element, Diagnostic.RETURN_RAW, shown, simpleName(type));
      return null;
    }
    TypeMirror inner = TypeShapes.argument(type, 0);
    if (!TypeShapes.is(inner, RetrofitNames.RESPONSE)) {
      return inner;
    }
    if (!TypeShapes.is(type, RetrofitNames.COMPLETABLE_FUTURE)) {
      // Retrofit: Call<Response<T>> is an error, Call<T> already yields the Response.
      String fixed = simpleName(type) + "<"
          + (TypeShapes.isRaw(inner) ? "T" : TypeShapes.describe(TypeShapes.argument(inner, 0)))
          + ">";
      reporter.error(method.element, Diagnostic.RETURN_RESPONSE_TWICE, shown, fixed);
      return null;
    }
    if (TypeShapes.isRaw(inner)) {
      reporter.error(method.element, Diagnostic.RETURN_RAW, TypeShapes.describe(inner), "Response");
      return null;
    }
    return TypeShapes.argument(inner, 0);
  }

  /** The adapter's artifact, on the method, for a known wrapper type nobody declared. */
  private static boolean needsAdapter(RetrofitMethod method, TypeMirror type, Reporter reporter) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    String name = qualifiedName(type);
    Optional<String> advice = Wrappers.advice(name);
    advice.ifPresent(artifact -> reporter.error(
        method.element,
        Diagnostic.RETURN_NEEDS_ADAPTER,
        TypeShapes.describe(type),
        simpleName(type),
        artifact,
        simpleName(type)));
    return advice.isPresent();
  }

  private static boolean isAdapted(RetrofitMethod method, TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && method.adapted.contains(qualifiedName(type));
  }

  /**
   * A suspend function's result {@code T} or {@code Response<T>} (Retrofit's
   * HttpServiceMethod.parseAnnotations awaits a {@code Call<T>}): not a wrapper of its own.
   */
  private static void checkSuspend(RetrofitMethod method, TypeMirror result, Reporter reporter) {
    if (isWrapper(result) && !TypeShapes.is(result, RetrofitNames.RESPONSE)
        || Wrappers.advice(qualifiedName(result)).isPresent()) {
      reporter.error(
          method.element, Diagnostic.RETURN_UNSUPPORTED, "suspend " + TypeShapes.describe(result));
      return;
    }
    TypeMirror body = body(method, result, reporter);
    if (body != null) {
      checkBody(method, body, reporter);
    }
  }

  private static String qualifiedName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()
        : type.toString();
  }

  private static void checkBody(RetrofitMethod method, TypeMirror body, Reporter reporter) {
    String shown = TypeShapes.describe(method.returnType);
    if (isWrapper(body)) {
      reporter.error(method.element, Diagnostic.RETURN_UNSUPPORTED, shown);
    } else if (TypeShapes.is(body, RetrofitNames.OKHTTP_RESPONSE)) {
      reporter.error(method.element, Diagnostic.RETURN_OKHTTP_RESPONSE, shown);
    } else if (method.verb().filter(verb -> verb.method().equals("HEAD")).isPresent()
        && !TypeShapes.is(body, "java.lang.Void")) {
      reporter.error(method.element, Diagnostic.HEAD_NOT_VOID, shown);
    }
  }

  private static boolean isWrapper(TypeMirror type) {
    return WRAPPERS.stream().anyMatch(name -> TypeShapes.is(type, name));
  }

  private static String simpleName(TypeMirror type) {
    return TypeShapes.describe(type).replaceAll("<.*", "");
  }
}
