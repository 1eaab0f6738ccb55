package dev.latchkey.processor;

import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads the {@code @Environment}s of an interface, written one by one (javac then wraps them in
 * {@code @Environments}) or inside an explicit {@code @Environments}.
 */
final class EnvironmentReader {
  static final String ENVIRONMENT = "dev.latchkey.annotations.Environment";
  static final String ENVIRONMENTS = "dev.latchkey.annotations.Environments";

  private final Elements elements;
  private final Trees trees;
  private final Reporter reporter;

  /** {@code trees} may be null: errors on repeated environments then point at the interface. */
  EnvironmentReader(Elements elements, Trees trees, Reporter reporter) {
    this.elements = elements;
    this.trees = trees;
    this.reporter = reporter;
  }

  /** The valid environments, in source order; every invalid one is reported. */
  List<EnvironmentModel> read(TypeElement iface) {
    List<Mirror> mirrors = new ArrayList<>();
    Mirror.find(iface, ENVIRONMENT, elements).ifPresent(mirrors::add);
    Mirror.find(iface, ENVIRONMENTS, elements)
        .ifPresent(container ->
            mirrors.addAll(container.repeated(AnnotationSource.find(trees, iface, ENVIRONMENT))));
    List<EnvironmentModel> result = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Mirror environment : mirrors) {
      String name = environment.string("name");
      if (name.isBlank()) {
        environment.error(reporter, "name", Diagnostic.ENVIRONMENT_NAME_BLANK);
        continue;
      }
      if (!names.add(name)) {
        environment.error(reporter, "name", Diagnostic.ENVIRONMENT_NAME_DUPLICATE, name);
        continue;
      }
      if (checkUrl(environment, name)) {
        result.add(
            new EnvironmentModel(name, environment.string("baseUrl"), property(environment)));
      }
    }
    return result;
  }

  /** The configuration key, "" when not given (blank counts as not given). */
  private static String property(Mirror environment) {
    return environment.string("baseUrlProperty").strip();
  }

  private boolean checkUrl(Mirror environment, String name) {
    String baseUrl = environment.string("baseUrl");
    if (baseUrl.isEmpty() == property(environment).isEmpty()) {
      environment.error(reporter, Diagnostic.ENVIRONMENT_URL_CHOICE, name);
      return false;
    }
    if (!baseUrl.isEmpty() && !Syntax.isBaseUrl(baseUrl)) {
      environment.error(reporter, "baseUrl", Diagnostic.ENVIRONMENT_BAD_URL, name, baseUrl);
      return false;
    }
    return true;
  }
}
