package dev.latchkey.processor;

import com.palantir.javapoet.ClassName;
import com.sun.source.util.Trees;
import dev.latchkey.processor.check.MethodChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one annotated interface into a {@link ClientModel}: the checks every kind shares (the
 * interface's shape, a single auth annotation, environments, pins, {@code @Xml}), then the kind's
 * own reader, then the methods. Reports every error it finds before giving up.
 */
final class ClientReader {
  /** The auth annotations, in the order messages list them. */
  static final List<String> AUTH_ANNOTATIONS = List.of(
      DigestAuthReader.ANNOTATION, TokenLoginReader.ANNOTATION, HeaderAuthReader.ANNOTATION);

  private static final String XML = "dev.latchkey.annotations.Xml";

  /** Present when jackson-dataformat-xml is on the class path, which {@code @Xml} needs. */
  private static final String XML_MAPPER = "com.fasterxml.jackson.dataformat.xml.XmlMapper";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final EnvironmentReader environments;
  private final PinReader pins;
  private final MethodCollector methods;
  private final DigestAuthReader digest;
  private final TokenLoginReader token;
  private final HeaderAuthReader header;
  private final CallAdaptersReader adapters;

  /** {@code trees} is the compiler's tree API, or null where it is unavailable. */
  ClientReader(Elements elements, Types types, Trees trees, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.environments = new EnvironmentReader(elements, trees, reporter);
    this.pins = new PinReader(elements, trees, reporter);
    this.methods = new MethodCollector(elements, types);
    this.digest = new DigestAuthReader(reporter);
    this.token = new TokenLoginReader(reporter);
    this.header = new HeaderAuthReader(reporter);
    this.adapters = new CallAdaptersReader(elements, types, reporter);
  }

  /** The model of {@code element}, or empty after reporting why there is none. */
  Optional<ClientModel> read(TypeElement element) {
    if (Mirror.hasUnresolvedValues(element)) {
      return Optional.empty();
    }
    List<Mirror> auths = authAnnotations(element);
    Mirror auth = auths.get(0);
    if (!checkShape(element, auth)) {
      return Optional.empty();
    }
    if (auths.size() > 1) {
      String names =
          auths.stream().map(m -> "@" + simpleName(m)).collect(Collectors.joining(" and "));
      auths
          .get(1)
          .error(reporter, Diagnostic.SEVERAL_AUTH_ANNOTATIONS, element.getSimpleName(), names);
      return Optional.empty();
    }
    int errors = reporter.errorCount();
    List<EnvironmentModel> environmentModels = environments.read(element);
    List<PinModel> pinModels = pins.read(element);
    Optional<? extends AuthModel> authModel = readAuth(auth);
    Optional<Mirror> xml = Mirror.find(element, XML, elements);
    xml.filter(found -> elements.getTypeElement(XML_MAPPER) == null)
        .ifPresent(found -> found.error(reporter, Diagnostic.XML_MODULE_MISSING));
    AdaptersModel adaptersModel = adapters.read(element);
    List<MethodModel> methodModels = methods.collect(element);
    checkNoClash(methodModels);
    checkMethods(element, methodModels, adaptersModel);
    if (reporter.errorCount() > errors || authModel.isEmpty()) {
      return Optional.empty();
    }
    ClassName interfaceName = ClassName.get(element);
    return Optional.of(new ClientModel(
        element,
        interfaceName,
        generatedName(interfaceName),
        element.getSimpleName().toString(),
        element.getModifiers().contains(Modifier.PUBLIC),
        environmentModels,
        xml.isPresent(),
        pinModels,
        authModel.get(),
        methodModels,
        adaptersModel));
  }

  /**
   * The single place where the Retrofit method checks run, once per interface, after the methods
   * (inherited ones included) are collected. Errors go through {@link #reporter} and so stop the
   * generation.
   */
  private void checkMethods(
      TypeElement element, List<MethodModel> methodModels, AdaptersModel adaptersModel) {
    for (MethodModel method : methodModels) {
      MethodChecks.check(
          method.method(), element, adaptersModel.wrappers(), reporter, types, elements);
    }
  }

  /**
   * The generated class has a static {@code builder()} and, being {@code Closeable}, a {@code void
   * close()}: an interface method with either signature cannot be implemented beside them.
   */
  private void checkNoClash(List<MethodModel> methodModels) {
    for (MethodModel model : methodModels) {
      ExecutableElement method = model.method();
      String name = method.getSimpleName().toString();
      if (!method.getParameters().isEmpty()) {
        continue;
      }
      if (name.equals("builder")) {
        reporter.error(
            method, Diagnostic.CLASHES_WITH_CLIENT, name, name, "which starts its builder");
      } else if (name.equals("close")) {
        reporter.error(
            method,
            Diagnostic.CLASHES_WITH_CLIENT,
            name,
            name,
            "from Closeable, which releases its connections");
      }
    }
  }

  private Optional<? extends AuthModel> readAuth(Mirror auth) {
    String name = ((TypeElement) auth.annotation().getAnnotationType().asElement())
        .getQualifiedName()
        .toString();
    switch (name) {
      case DigestAuthReader.ANNOTATION:
        return digest.read(auth);
      case TokenLoginReader.ANNOTATION:
        return token.read(auth);
      default:
        return header.read(auth);
    }
  }

  private List<Mirror> authAnnotations(TypeElement element) {
    List<Mirror> result = new ArrayList<>();
    for (String name : AUTH_ANNOTATIONS) {
      Mirror.find(element, name, elements).ifPresent(result::add);
    }
    return result;
  }

  /** A top-level or member interface, not generic, visible from its package. */
  private boolean checkShape(TypeElement element, Mirror auth) {
    if (element.getKind() != ElementKind.INTERFACE) {
      auth.error(
          reporter,
          Diagnostic.NOT_AN_INTERFACE,
          simpleName(auth),
          article(element.getKind()),
          element.getSimpleName());
      return false;
    }
    if (!isAccessible(element)) {
      auth.error(reporter, Diagnostic.NOT_ACCESSIBLE, element.getSimpleName());
      return false;
    }
    if (!element.getTypeParameters().isEmpty()) {
      auth.error(reporter, Diagnostic.GENERIC_INTERFACE, element.getSimpleName());
      return false;
    }
    return checkSuperInterfaces(element, element);
  }

  /** Retrofit's {@code validateServiceInterface} refuses generic super-interfaces at run time. */
  private boolean checkSuperInterfaces(TypeElement element, TypeElement type) {
    for (TypeMirror parent : type.getInterfaces()) {
      TypeElement parentElement = (TypeElement) types.asElement(parent);
      if (!parentElement.getTypeParameters().isEmpty()) {
        reporter.error(
            element,
            Diagnostic.GENERIC_SUPER_INTERFACE,
            element.getSimpleName(),
            parentElement.getQualifiedName());
        return false;
      }
      if (!checkSuperInterfaces(element, parentElement)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAccessible(TypeElement element) {
    Element current = element;
    while (current instanceof TypeElement type) {
      if (type.getNestingKind() != NestingKind.TOP_LEVEL
          && type.getNestingKind() != NestingKind.MEMBER) {
        return false;
      }
      if (type.getModifiers().contains(Modifier.PRIVATE)
          || type.getModifiers().contains(Modifier.PROTECTED)) {
        return false;
      }
      current = type.getEnclosingElement();
    }
    return true;
  }

  /** {@code Latchkey} and the interface's simple names: {@code LatchkeyOuter_Api} when nested. */
  static ClassName generatedName(ClassName iface) {
    return ClassName.get(iface.packageName(), "Latchkey" + String.join("_", iface.simpleNames()));
  }

  private static String simpleName(Mirror mirror) {
    return mirror.annotation().getAnnotationType().asElement().getSimpleName().toString();
  }

  private static String article(ElementKind kind) {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }
}
