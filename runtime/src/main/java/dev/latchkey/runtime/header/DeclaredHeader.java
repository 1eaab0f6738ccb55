package dev.latchkey.runtime.header;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.util.function.Supplier;

/**
 * One static header: its name, the setter that gives its value, and how it is written ({@code
 * format}, {@code {value}} standing for the value). The value is asked of {@code source} on every
 * use, so a rotating token (a Kubernetes service-account token file) needs no rebuild. {@link
 * #toString()} shows the name and setter only: every declared header is treated as sensitive, and
 * {@code secret} ones are API keys.
 */
record DeclaredHeader(String name, String setter, boolean secret, String format, Supplier<String> source) {

  /**
   * The value as the setter gave it; a missing, blank or non-printable value fails naming the setter,
   * never quoting the value (it may be an API key).
   */
  String value() {
    String value = source == null ? null : source.get();
    if (value == null || value.isBlank()) {
      throw new LatchkeyConfigException(
          "HeaderScheme: " + setter + "(..) is not set: header " + name + " needs a value");
    }
    // OkHttp would reject such a value with a message quoting it; we must not quote an API key.
    if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
      throw new LatchkeyConfigException("HeaderScheme: " + setter + "(..) holds a character that is not"
          + " allowed in header " + name + " (only printable ASCII); the value is not shown");
    }
    return value;
  }

  /** The header's value on the wire: {@code format} with {@code {value}} replaced. */
  String headerValue() {
    return format.replace("{value}", value());
  }

  @Override
  public String toString() {
    return name + "(" + setter + (secret ? ", secret" : "") + ")";
  }
}
