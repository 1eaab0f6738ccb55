package dev.latchkey.processor.check;

import dev.latchkey.processor.Diagnostic;
import dev.latchkey.processor.Reporter;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * {@code @Headers} entries are "Name: value" with a token name, an acceptable value and a valid
 * Content-Type (RequestFactory.parseHeaders, OkHttp Headers.Builder.add); {@code @Header}
 * parameters name a valid header.
 */
final class HeadersCheck {
  /** OkHttp MediaType: type "/" subtype, both tokens, then optional parameters. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-zA-Z0-9-!#$%&'*+.^_`{|}~]+/[a-zA-Z0-9-!#$%&'*+.^_`{|}~]+\\s*(;.*)?");

  private HeadersCheck() {}

  static void check(RetrofitMethod method, Reporter reporter) {
    Mirrors.find(method.element, RetrofitNames.HEADERS)
        .ifPresent(headers -> checkHeaders(method, headers, reporter));
    for (Param param : method.params(RetrofitNames.HEADER)) {
      String name = Mirrors.string(param.annotation(), "value", method.elements);
      AnnotationValue value = Mirrors.explicit(param.annotation(), "value");
      if (name.isEmpty()) {
        reporter.error(param.element(), param.annotation(), value, Diagnostic.HEADER_NAME_EMPTY);
      } else if (!HttpMethodCheck.TOKEN.matcher(name).matches()) {
        reporter.error(
            param.element(), param.annotation(), value, Diagnostic.HEADER_NAME_INVALID, name);
      }
    }
  }

  private static void checkHeaders(
      RetrofitMethod method, AnnotationMirror headers, Reporter reporter) {
    List<? extends AnnotationValue> values = Mirrors.array(headers, "value", method.elements);
    if (values.isEmpty()) {
      reporter.error(method.element, headers, Diagnostic.HEADERS_EMPTY);
      return;
    }
    boolean unsafe = Mirrors.bool(headers, "allowUnsafeNonAsciiValues", method.elements);
    for (AnnotationValue value : values) {
      checkEntry(method, headers, value, unsafe, reporter);
    }
  }

  /** One "Name: value" entry; reports its first problem, on the entry itself. */
  private static void checkEntry(
      RetrofitMethod method,
      AnnotationMirror headers,
      AnnotationValue entry,
      boolean unsafe,
      Reporter reporter) {
    if (!(entry.getValue() instanceof String header)) {
      return; // Not a string: javac already reports the type error.
    }
    int colon = header.indexOf(':');
    if (colon <= 0 || colon == header.length() - 1) {
      reporter.error(method.element, headers, entry, Diagnostic.HEADER_FORMAT, header);
      return;
    }
    String name = header.substring(0, colon);
    String value = header.substring(colon + 1).trim();
    if (!HttpMethodCheck.TOKEN.matcher(name).matches()) {
      reporter.error(method.element, headers, entry, Diagnostic.HEADER_NAME_INVALID, name);
    } else if (name.equalsIgnoreCase("Content-Type")) {
      if (!MEDIA_TYPE.matcher(value).matches()) {
        reporter.error(method.element, headers, entry, Diagnostic.CONTENT_TYPE_INVALID, value);
      }
    } else if (!unsafe && badCharacter(value) != null) {
      reporter.error(
          method.element,
          headers,
          entry,
          Diagnostic.HEADER_VALUE_INVALID,
          name,
          badCharacter(value));
    }
  }

  /** OkHttp Headers.checkValue accepts tab and printable ASCII only. */
  private static String badCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        return String.format("U+%04X", (int) c);
      }
    }
    return null;
  }
}
