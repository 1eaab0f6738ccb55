package dev.latchkey.runtime.session;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.Mappers;
import dev.latchkey.runtime.http.ServerText;
import dev.latchkey.runtime.logging.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;

/**
 * Reading answers: JSON whatever the {@code Content-Type} says (Xandr labels JSON {@code
 * text/html}), bounded (a hostile server must not make us buffer megabytes), and quoted for
 * messages only through {@link ServerText}.
 */
final class Bodies {
  /** Login and error answers are small; we never buffer more than this to look at one. */
  static final int PEEK_LIMIT = 64 * 1024;

  private static final String[] REASON_FIELDS = {
    "/message",
    "/error",
    "/detail",
    "/errorMessage",
    "/response/error",
    "/response/error_description"
  };

  private Bodies() {}

  /** The answer's bytes, peeked without consuming it; null if it has none or is over the limit. */
  static byte[] peek(Response response) throws IOException {
    long length = response.body().contentLength();
    if (length == 0 || length > PEEK_LIMIT) {
      return null;
    }
    byte[] bytes = response.peekBody(PEEK_LIMIT + 1L).bytes();
    return bytes.length == 0 || bytes.length > PEEK_LIMIT ? null : bytes;
  }

  /** The JSON tree of an object or array answer; null if {@code bytes} are not one. */
  static JsonNode json(byte[] bytes) {
    // The shared tree mapper, made on first use: building a client loads no Jackson databind, and
    // a login loads no JavaTime module (issue 17).
    return json(bytes, Mappers.treeJson());
  }

  /**
   * As {@link #json(byte[])}, read with {@code mapper}: login answers are read with the client's
   * mapper, so a user's settings (modules, features) apply to them too (issue 15).
   */
  static JsonNode json(byte[] bytes, ObjectMapper mapper) {
    if (bytes == null || !startsLikeJson(bytes)) {
      return null;
    }
    try {
      return mapper.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean startsLikeJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return false;
  }

  /** The text (or number) at {@code pointer}; null if absent, not a value, or pointer unset. */
  static String textAt(JsonNode root, JsonPointer pointer) {
    if (root == null || pointer == null) {
      return null;
    }
    JsonNode node = root.at(pointer);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  static JsonPointer pointer(String pointer) {
    return pointer == null || pointer.isEmpty() ? null : JsonPointer.compile(pointer);
  }

  /**
   * {@code Retry-After} (RFC 9110 section 10.2.3): delay-seconds or an IMF-fixdate (a date in the
   * past means now); null if absent or neither.
   */
  static Duration retryAfter(String value, long nowMillis) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (digits(trimmed)) {
      try {
        return Duration.ofSeconds(Long.parseLong(trimmed));
      } catch (NumberFormatException tooLong) {
        return null;
      }
    }
    try {
      long at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toEpochMilli();
      return Duration.ofMillis(Math.max(0, at - nowMillis));
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * The server's short reason ({@code " (server says: '..')"}), cleaned, masked and cut by {@link
   * ServerText}, or empty. Never throws: a body that cannot be read gives no reason.
   */
  static String reason(Response response, Redactor redactor) {
    String text;
    try {
      text = response.peekBody(4096).string().trim();
    } catch (IOException | RuntimeException e) {
      return "";
    }
    if (text.isEmpty()) {
      return "";
    }
    JsonNode tree = json(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (tree != null) {
      for (String field : REASON_FIELDS) {
        JsonNode node = tree.at(field);
        if (node.isTextual()) {
          text = node.asText();
          break;
        }
      }
    }
    return " (server says: '" + ServerText.quote(text, redactor) + "')";
  }

  /** Whether {@code text} is all ASCII digits (a loop, not a stream: cold start, issue 17). */
  private static boolean digits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
