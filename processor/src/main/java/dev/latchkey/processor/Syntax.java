package dev.latchkey.processor;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * The small grammars that annotation values must follow. Pure functions, so that each can be tested
 * without a compiler.
 */
final class Syntax {
  /** RFC 9110 section 5.6.2: {@code tchar} besides letters and digits. */
  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private Syntax() {}

  /** The duration, or empty if {@code text} is not ISO-8601 ({@link Duration#parse}). */
  static Optional<Duration> duration(String text) {
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Why {@code pointer} is not an RFC 6901 JSON pointer, or empty if it is one. Section 3: a
   * pointer is empty or a sequence of {@code "/" reference-token}, and {@code ~} is only allowed as
   * {@code ~0} or {@code ~1}.
   */
  static Optional<String> jsonPointerProblem(String pointer) {
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    if (pointer.charAt(0) != '/') {
      return Optional.of("it must be empty or start with '/'");
    }
    for (int i = 0; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~') {
        char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : ' ';
        if (next != '0' && next != '1') {
          return Optional.of(
              "'~' at index " + i + " must be followed by 0 or 1 (~0 is '~', ~1 is '/')");
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is a non-empty RFC 9110 token, as header and cookie names must be. */
  static boolean isHttpToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && TCHAR_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} can be a Java method name (an identifier, not a keyword). */
  static boolean isJavaIdentifier(String name) {
    return SourceVersion.isName(name) && name.indexOf('.') < 0;
  }

  /** Whether {@code url} is an absolute http(s) URL with a host whose path ends in '/'. */
  static boolean isBaseUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawPath() != null
          && uri.getRawPath().endsWith("/")
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The prefix of an SPKI pin as OkHttp's {@code CertificatePinner} takes it. */
  static final String PIN_PREFIX = "sha256/";

  /** The length of a SHA-256 hash, which a pin must decode to. */
  static final int SHA256_BYTES = 32;

  /**
   * The number of bytes {@code text} decodes to, or -1 unless it is strict RFC 4648 base64: the
   * standard alphabet, padded to a multiple of 4, and canonical (re-encoding gives it back, which
   * rejects stray bits in the last character). Okio's decoder is lenient; a pin is not the place
   * for that.
   */
  static int strictBase64Length(String text) {
    if (text.isEmpty() || text.length() % 4 != 0) {
      return -1;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes.length : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /**
   * Why {@code pattern} is not a host pattern {@code CertificatePinner} accepts, or empty if it is
   * one: a lowercase host name, optionally after {@code *.} (one label) or {@code **.} (any
   * labels); a wildcard anywhere else is refused, as OkHttp 5 refuses it.
   */
  static Optional<String> hostPatternProblem(String pattern) {
    if (pattern.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (pattern.contains("://")) {
      return Optional.of("it has a scheme; give the host only");
    }
    if (pattern.indexOf('/') >= 0) {
      return Optional.of("it has a path; give the host only");
    }
    if (pattern.indexOf(':') >= 0) {
      return Optional.of("it has a port; pins apply to every port");
    }
    String host = pattern;
    if (host.startsWith("**.")) {
      host = host.substring(3);
    } else if (host.startsWith("*.")) {
      host = host.substring(2);
    }
    if (host.indexOf('*') >= 0) {
      return Optional.of("a wildcard may only be the first label");
    }
    if (!host.equals(host.toLowerCase(Locale.ROOT))) {
      return Optional.of("it must be lowercase");
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty()) {
        return Optional.of("it has an empty label");
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return Optional.of("'" + c + "' is not a letter, digit, '-' or '.'");
        }
      }
    }
    return Optional.empty();
  }

  /** A {@code COUNT/DURATION} login budget such as {@code 10/PT5M}. */
  record Limit(int count, Duration window) {}

  /** The budget, or empty unless {@code text} is {@code COUNT/DURATION}, COUNT >= 1, window > 0. */
  static Optional<Limit> limit(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    int count;
    try {
      count = Integer.parseInt(text.substring(0, slash));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Optional<Duration> window = duration(text.substring(slash + 1));
    if (count < 1
        || window.isEmpty()
        || window.get().isNegative()
        || window.get().isZero()) {
      return Optional.empty();
    }
    return Optional.of(new Limit(count, window.get()));
  }

  /**
   * Why {@code text} is not one JSON value (RFC 8259), or empty if it is one. A small
   * recursive-descent check: the processor depends on no JSON library (it must stay light on the
   * user's annotation-processor path), and a {@code loginFields} literal is a few characters long.
   */
  static Optional<String> jsonProblem(String text) {
    JsonCheck check = new JsonCheck(text);
    try {
      check.value(0);
      check.space();
      if (check.at < text.length()) {
        return Optional.of("unexpected '" + text.charAt(check.at) + "' at index " + check.at);
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The state of {@link #jsonProblem}; depth is bounded so a hostile literal cannot overflow. */
  private static final class JsonCheck {
    private static final int MAX_DEPTH = 32;
    private final String text;
    private int at;

    JsonCheck(String text) {
      this.text = text;
    }

    void value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("it nests deeper than " + MAX_DEPTH);
      }
      space();
      if (at >= text.length()) {
        throw new IllegalArgumentException("a value is missing at index " + at);
      }
      char c = text.charAt(at);
      if (c == '{') {
        members(depth, '}', true);
      } else if (c == '[') {
        members(depth, ']', false);
      } else if (c == '"') {
        string();
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        number();
      } else if (!word("true") && !word("false") && !word("null")) {
        throw new IllegalArgumentException("'" + c + "' at index " + at + " starts no JSON value");
      }
    }

    private void members(int depth, char close, boolean object) {
      at++;
      space();
      if (at < text.length() && text.charAt(at) == close) {
        at++;
        return;
      }
      while (true) {
        if (object) {
          space();
          if (at >= text.length() || text.charAt(at) != '"') {
            throw new IllegalArgumentException("an object key must be a string (index " + at + ")");
          }
          string();
          space();
          expect(':');
        }
        value(depth + 1);
        space();
        if (at < text.length() && text.charAt(at) == ',') {
          at++;
          continue;
        }
        expect(close);
        return;
      }
    }

    private void string() {
      at++;
      while (at < text.length() && text.charAt(at) != '"') {
        if (text.charAt(at) < 0x20) {
          throw new IllegalArgumentException("a string holds a control character at index " + at);
        }
        at += text.charAt(at) == '\\' ? 2 : 1;
      }
      expect('"');
    }

    private void number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (!text.substring(start, at).matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        throw new IllegalArgumentException(
            "'" + text.substring(start, at) + "' is not a JSON number");
      }
    }

    private boolean word(String word) {
      if (text.startsWith(word, at)) {
        at += word.length();
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (at >= text.length() || text.charAt(at) != c) {
        throw new IllegalArgumentException("'" + c + "' expected at index " + at);
      }
      at++;
    }

    void space() {
      while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }
  }
}
