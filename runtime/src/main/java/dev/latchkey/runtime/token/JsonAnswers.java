package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Reading JSON answers whatever their Content-Type says (Xandr labels JSON {@code text/html}). */
final class JsonAnswers {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Error and login answers are small; we never buffer more than this to look at one. */
  static final int PEEK_LIMIT = 16 * 1024;

  private JsonAnswers() {}

  /**
   * The answer's JSON tree, peeked without consuming the body; {@code null} when there is no body,
   * it is larger than {@link #PEEK_LIMIT}, or it is not JSON.
   */
  static JsonNode peek(Response response) throws IOException {
    return peek(response, JSON);
  }

  /** As {@link #peek(Response)}, read with the client's mapper (login answers, issue 15). */
  static JsonNode peek(Response response, ObjectMapper mapper) throws IOException {
    ResponseBody body = response.body();
    long length = body.contentLength();
    if (length == 0 || length > PEEK_LIMIT) {
      return null;
    }
    byte[] bytes = response.peekBody(PEEK_LIMIT + 1L).bytes();
    if (bytes.length == 0 || bytes.length > PEEK_LIMIT || !startsLikeObject(bytes)) {
      return null;
    }
    try {
      return mapper.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean startsLikeObject(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '{') {
        return true;
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return false;
  }

  /** The text at {@code pointer}, or {@code null} if absent, not a value, or pointer unset. */
  static String textAt(JsonNode root, JsonPointer pointer) {
    if (root == null || pointer == null) {
      return null;
    }
    JsonNode node = root.at(pointer);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 §10.2.3); null if absent/bad. */
  static Duration retryAfter(Response response, long nowMillis) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        long at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        return Duration.ofMillis(Math.max(0, at - nowMillis));
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
