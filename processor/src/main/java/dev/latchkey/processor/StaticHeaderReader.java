package dev.latchkey.processor;

import dev.latchkey.processor.HeaderModel.StaticHeaderModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code @StaticHeader}s of {@code @HeaderAuth} and {@code @TokenLogin} alike: one
 * mechanism for both, since both generate the same setters from them.
 */
final class StaticHeaderReader {
  private final Reporter reporter;
  private final AttributeChecks checks;

  StaticHeaderReader(Reporter reporter) {
    this.reporter = reporter;
    this.checks = new AttributeChecks(reporter);
  }

  /** The headers of attribute {@code headers}, every error reported on its own value. */
  List<StaticHeaderModel> read(Mirror owner) {
    Set<String> names = new HashSet<>();
    Set<String> setters = new HashSet<>();
    List<StaticHeaderModel> result = new ArrayList<>();
    for (Mirror header : owner.nestedList("headers")) {
      String name = checks.httpName(header, "name", "header", false);
      if (!name.isEmpty() && !names.add(name.toLowerCase(Locale.ROOT))) {
        header.error(reporter, "name", Diagnostic.DUPLICATE_HEADER, name);
      }
      String setter = header.string("setter");
      String value = header.string("value");
      if (!setter.isEmpty() && !value.isEmpty()) {
        header.error(
            reporter,
            "value",
            Diagnostic.STATIC_HEADER_VALUE_CHOICE,
            name,
            "both are set, so drop the setter for a fixed value");
      } else if (setter.isEmpty() && value.isEmpty()) {
        header.error(
            reporter,
            "name",
            Diagnostic.STATIC_HEADER_VALUE_CHOICE,
            name,
            "neither is set, so give setter (e.g. \"" + alternative(name) + "\") or value");
      } else if (!setter.isEmpty()) {
        checkSetter(header, setter, name, setters);
      }
      String format = header.string("format");
      if (!format.contains("{value}")) {
        header.error(reporter, "format", Diagnostic.FORMAT_WITHOUT_VALUE, format);
      }
      result.add(new StaticHeaderModel(name, setter, header.bool("secret"), format, value));
    }
    return result;
  }

  private void checkSetter(Mirror header, String setter, String name, Set<String> setters) {
    if (!Syntax.isJavaIdentifier(setter)) {
      header.error(reporter, "setter", Diagnostic.BAD_SETTER, setter);
    } else if (HeaderAuthReader.RESERVED_SETTERS.contains(setter)) {
      header.error(reporter, "setter", Diagnostic.RESERVED_SETTER, setter, alternative(name));
    } else if (!setters.add(setter)) {
      header.error(reporter, "setter", Diagnostic.DUPLICATE_SETTER, setter);
    }
  }

  /** " Did you mean "x"?" when a declared setter differs only in case, else the declared ones. */
  static String suggestion(String setter, List<StaticHeaderModel> headers) {
    List<String> declared = headers.stream()
        .map(StaticHeaderModel::setter)
        .filter(s -> !s.isEmpty())
        .toList();
    for (String candidate : declared) {
      if (candidate.equalsIgnoreCase(setter)) {
        return " Did you mean \"" + candidate + "\"?";
      }
    }
    return declared.isEmpty() ? "" : " Declared: " + String.join(", ", declared) + ".";
  }

  /** A setter name suggested from the header's name: {@code X-Api-Key} gives {@code xApiKey}. */
  static String alternative(String headerName) {
    StringBuilder result = new StringBuilder();
    boolean upper = false;
    for (char c : headerName.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = result.length() > 0;
      } else {
        result.append(
            upper ? Character.toUpperCase(c) : result.length() == 0 ? Character.toLowerCase(c) : c);
        upper = false;
      }
    }
    String name = result.toString();
    return Syntax.isJavaIdentifier(name) && !HeaderAuthReader.RESERVED_SETTERS.contains(name)
        ? name
        : name + "Header";
  }
}
