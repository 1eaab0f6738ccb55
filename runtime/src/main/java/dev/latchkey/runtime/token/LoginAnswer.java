package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Cookie;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What a login answer says, read the way the annotation describes it: the tree of a JSON answer
 * (an object, an array, or a bare string) or of an XML one (under {@code @Xml}, without its root
 * element, as Jackson reads it); the token from a pointer, an answer header, a Set-Cookie, or the
 * whole answer; the lifetime in seconds; the second (CSRF) value. Bodies are peeked, bounded by
 * {@link JsonAnswers#PEEK_LIMIT}; a token in a header or cookie needs no body at all, so a large
 * answer (Keystone's service catalog) is no problem.
 *
 * @param tree the answer's tree, or null if it has none we can read
 * @param text the answer's text, when it is short and {@code text/plain} (a whole-answer token)
 */
record LoginAnswer(JsonNode tree, String text, Response response) {
  private static final ObjectMapper XML = new XmlMapper();

  /** Peeks at {@code response} without consuming it; {@code xml} for {@code @Xml} APIs. */
  static LoginAnswer peek(Response response, boolean xml) throws IOException {
    ResponseBody body = response.body();
    long length = body.contentLength();
    if (length == 0 || length > JsonAnswers.PEEK_LIMIT) {
      return new LoginAnswer(null, null, response);
    }
    byte[] bytes = response.peekBody(JsonAnswers.PEEK_LIMIT + 1L).bytes();
    if (bytes.length == 0 || bytes.length > JsonAnswers.PEEK_LIMIT) {
      return new LoginAnswer(null, null, response);
    }
    JsonNode tree = null;
    try {
      tree = xml ? XML.readTree(bytes) : JsonAnswers.JSON.readTree(bytes);
    } catch (IOException notThisFormat) {
      // a text/plain token, or an error page: the caller decides from what is missing
    }
    MediaType type = body.contentType();
    String text = type != null && type.type().equals("text") && type.subtype().equals("plain")
        ? new String(bytes, StandardCharsets.UTF_8).trim()
        : null;
    return new LoginAnswer(tree, text, response);
  }

  /** The text at {@code pointer}, or null (absent, not a value, or no tree). */
  String at(JsonPointer pointer) {
    return JsonAnswers.textAt(tree, pointer);
  }

  /** The token: at {@code pointer}, in {@code header}, in cookie {@code cookie}, else the whole answer. */
  String token(JsonPointer pointer, String header, String cookie) {
    if (pointer != null) {
      return at(pointer);
    }
    if (!header.isEmpty()) {
      return response.header(header);
    }
    if (!cookie.isEmpty()) {
      return cookie(cookie);
    }
    if (tree != null && tree.isTextual()) {
      return tree.asText(); // vCenter: the answer is a bare JSON string
    }
    return text;
  }

  /** The value of cookie {@code name} set by this answer (for the request's own URL), or null. */
  String cookie(String name) {
    for (Cookie cookie : Cookie.parseAll(response.request().url(), response.headers())) {
      if (cookie.name().equals(name) && !cookie.value().isEmpty()) {
        return stripQuotes(cookie.value());
      }
    }
    return null;
  }

  /** The lifetime in seconds at {@code pointer}, or null when absent, not a number, or not positive. */
  Duration expiresIn(JsonPointer pointer) {
    if (tree == null || pointer == null) {
      return null;
    }
    JsonNode node = tree.at(pointer);
    long seconds = node.isNumber() ? node.asLong() : parse(node.asText(""));
    return seconds > 0 ? Duration.ofSeconds(seconds) : null;
  }

  /** The second value the {@code csrf} declaration names, or null. */
  String csrf(LoginShape.Csrf csrf) {
    if (!csrf.pointer().isEmpty()) {
      return at(JsonPointer.compile(csrf.pointer()));
    }
    if (!csrf.answerHeader().isEmpty()) {
      return response.header(csrf.answerHeader());
    }
    return cookie(csrf.answerCookie());
  }

  private static long parse(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** RFC 6265 section 4.1.1 allows a DQUOTE-wrapped cookie value; the quotes are not the value. */
  private static String stripQuotes(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
