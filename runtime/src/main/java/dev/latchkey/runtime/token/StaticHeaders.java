package dev.latchkey.runtime.token;

import dev.latchkey.runtime.LatchkeyException;
import java.util.List;
import okhttp3.Request;

/**
 * The static headers of a token scheme on a request: each value is asked of its supplier now (it
 * may rotate) and checked, so a bad value fails as a typed exception naming the setter, never
 * quoting the value, instead of OkHttp's unchecked one that quotes it.
 */
final class StaticHeaders {
  private StaticHeaders() {}

  static void addTo(Request.Builder request, List<LoginShape.StaticHeader> headers) throws LatchkeyException {
    for (LoginShape.StaticHeader header : headers) {
      request.header(header.name(), header.format().replace("{value}", value(header)));
    }
  }

  /** Each header's raw value by its setter, for {@code {setter}} in login fields. */
  static java.util.Map<String, String> bySetter(List<LoginShape.StaticHeader> headers) throws LatchkeyException {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    for (LoginShape.StaticHeader header : headers) {
      if (!header.setter().isEmpty()) {
        values.put(header.setter(), value(header));
      }
    }
    return values;
  }

  /** The header's raw value (what {@code {setter}} stands for in a login field). */
  static String value(LoginShape.StaticHeader header) throws LatchkeyException {
    String value = header.value() == null ? null : header.value().get();
    if (value == null || value.isBlank()) {
      throw new LatchkeyException("TokenScheme: " + header.setter() + "(..) gave no value for header " + header.name());
    }
    if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
      throw new LatchkeyException("TokenScheme: " + header.setter() + "(..) gave a value header " + header.name()
          + " cannot carry (only printable ASCII); the value is not shown");
    }
    return value;
  }
}
