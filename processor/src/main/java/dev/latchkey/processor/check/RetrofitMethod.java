package dev.latchkey.processor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What the checks need to know about one interface method, read once from its mirrors: the HTTP
 * method annotations, the encoding annotations and the parameters with their Retrofit annotations.
 */
final class RetrofitMethod {
  /** How kapt shows a Kotlin {@code suspend fun f(): T}: {@code Object f(Continuation<? super T>)}. */
  static final String CONTINUATION = "kotlin.coroutines.Continuation";

  final ExecutableElement element;
  /** The declared return type; for a suspend function, its result type {@code T}. */
  final TypeMirror returnType;
  /** Whether this is a Kotlin suspend function (Retrofit calls it with its own adapter). */
  final boolean suspend;
  /** Qualified names of the wrapper types the interface declares adapters for. */
  final Set<String> adapted;

  final List<Verb> verbs;
  final Optional<AnnotationMirror> formUrlEncoded;
  final Optional<AnnotationMirror> multipart;
  final List<Param> params;
  final Types types;
  final Elements elements;

  private RetrofitMethod(
      ExecutableElement element,
      TypeMirror returnType,
      boolean suspend,
      Set<String> adapted,
      List<Verb> verbs,
      List<Param> params,
      Types types,
      Elements elements) {
    this.element = element;
    this.returnType = returnType;
    this.suspend = suspend;
    this.adapted = adapted;
    this.verbs = verbs;
    this.formUrlEncoded = Mirrors.find(element, RetrofitNames.FORM_URL_ENCODED);
    this.multipart = Mirrors.find(element, RetrofitNames.MULTIPART);
    this.params = params;
    this.types = types;
    this.elements = elements;
  }

  /**
   * Reads {@code method} with its types as declared, which is what Retrofit's reflection sees: a
   * method inherited from {@code Crud<T>} returns {@code Call<T>} even when the interface extends
   * {@code Crud<User>}, so it must be checked (and rejected) as such.
   */
  static RetrofitMethod read(
      ExecutableElement method, Set<String> adapted, Types types, Elements elements) {
    List<? extends VariableElement> parameters = method.getParameters();
    TypeMirror returnType = method.getReturnType();
    TypeMirror suspendResult = suspendResult(parameters);
    if (suspendResult != null) {
      parameters = parameters.subList(0, parameters.size() - 1);
      returnType = suspendResult;
    }
    List<Param> params = new ArrayList<>();
    for (VariableElement parameter : parameters) {
      List<AnnotationMirror> retrofit = new ArrayList<>();
      for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
        if (Mirrors.isRetrofit(mirror)
            && RetrofitNames.PARAMETER_ANNOTATIONS.contains(Mirrors.simpleName(mirror))) {
          retrofit.add(mirror);
        }
      }
      params.add(new Param(parameter, parameter.asType(), List.copyOf(retrofit)));
    }
    return new RetrofitMethod(
        method,
        returnType,
        suspendResult != null,
        Set.copyOf(adapted),
        readVerbs(method, elements),
        List.copyOf(params),
        types,
        elements);
  }

  /**
   * {@code T} when the last parameter is kapt's {@code Continuation<? super T>} (Retrofit's
   * {@code RequestFactory} treats such a method as a suspend function), else null.
   */
  static TypeMirror suspendResult(List<? extends VariableElement> parameters) {
    if (parameters.isEmpty()) {
      return null;
    }
    TypeMirror last = parameters.get(parameters.size() - 1).asType();
    if (!TypeShapes.is(last, CONTINUATION) || TypeShapes.isRaw(last)) {
      return null;
    }
    TypeMirror argument = TypeShapes.argument(last, 0);
    if (argument.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((WildcardType) argument).getSuperBound();
      return bound != null ? bound : ((WildcardType) argument).getExtendsBound();
    }
    return argument;
  }

  private static List<Verb> readVerbs(ExecutableElement method, Elements elements) {
    List<Verb> verbs = new ArrayList<>();
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String name = Mirrors.qualifiedName(mirror);
      String simple = Mirrors.simpleName(mirror);
      if (name.equals(RetrofitNames.HTTP)) {
        verbs.add(new Verb(
            mirror,
            simple,
            Mirrors.string(mirror, "method", elements),
            Mirrors.string(mirror, "path", elements),
            Mirrors.explicit(mirror, "path"),
            Mirrors.bool(mirror, "hasBody", elements)));
      } else if (Mirrors.isRetrofit(mirror) && RetrofitNames.VERBS.contains(simple)) {
        verbs.add(new Verb(
            mirror,
            simple,
            simple,
            Mirrors.string(mirror, "value", elements),
            Mirrors.explicit(mirror, "value"),
            RetrofitNames.VERBS_WITH_BODY.contains(simple)));
      }
    }
    return List.copyOf(verbs);
  }

  /** The HTTP method annotation that counts (Retrofit stops at the second), if any. */
  Optional<Verb> verb() {
    return verbs.stream().findFirst();
  }

  List<Param> params(String kind) {
    return params.stream().filter(param -> param.is(kind)).toList();
  }

  boolean has(String kind) {
    return params.stream().anyMatch(param -> param.is(kind));
  }

  /** The first query-like parameter before {@code index}, which @Path and @Url must precede. */
  Optional<Param> queryBefore(int index) {
    return params.subList(0, index).stream()
        .filter(param -> RetrofitNames.QUERY_KINDS.contains(param.kind()))
        .findFirst();
  }

  String name() {
    return element.getSimpleName() + "()";
  }
}
