package dev.latchkey.samples.ondemand;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parameters of an {@code Authorization: Digest ...} header (RFC 7616 §3.4): a comma
 * separated list of {@code name=token} or {@code name="quoted string"} with backslash escapes.
 * Hand-written because the JDK and OkHttp have no server-side parser for it.
 */
final class DigestParams {
  private DigestParams() {}

  /** The parameters by lower-case name, or {@code null} if {@code header} is not Digest. */
  static Map<String, String> parse(String header) {
    if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    String s = header.substring(7);
    int i = 0;
    while (i < s.length()) {
      i = skip(s, i);
      int eq = s.indexOf('=', i);
      if (eq < 0) {
        return null;
      }
      String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = eq + 1;
      if (i < s.length() && s.charAt(i) == '"') {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          value.append(s.charAt(i++));
        }
        if (i >= s.length()) {
          return null; // unterminated quoted string
        }
        i++;
      } else {
        while (i < s.length() && s.charAt(i) != ',') {
          value.append(s.charAt(i++));
        }
      }
      if (name.isEmpty() || params.put(name, value.toString().trim()) != null) {
        return null; // empty or repeated parameter names make the header ambiguous
      }
      i = skip(s, i);
    }
    return params;
  }

  private static int skip(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
      i++;
    }
    return i;
  }
}
