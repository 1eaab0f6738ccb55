package dev.latchkey.runtime.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;

/**
 * Writes failure messages that say what to check (the user, the declared headers and their
 * setters) without a secret: secret header values are never shown, and the server's own reason
 * is quoted only with every known secret value blanked out.
 */
final class Diagnosis {
  private static final int MAX_REASON = 200;
  private static final String[] REASON_FIELDS = {"/message", "/error", "/detail", "/errorMessage"};

  private final List<DeclaredHeader> headers;

  /**
   * Made when a failure first quotes a JSON reason, not when a client is built: a mapper costs a
   * fresh JVM some 400 classes, which a client that never fails should not pay (issue 17).
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  Diagnosis(List<DeclaredHeader> headers) {
    this.headers = headers;
  }

  /** "check the password, MediaSiloHostContext='acme' (hostContext) and MediaSiloApiKey (apiKey, secret)". */
  String whatToCheck(boolean password) {
    List<String> parts = new ArrayList<>();
    if (password) {
      parts.add("the user name and password");
    }
    for (DeclaredHeader header : headers) {
      parts.add(header.secret()
          ? header.name() + " (" + header.setter() + "(..), secret, not shown)"
          : header.name() + "='" + header.value() + "' (" + header.setter() + "(..))");
    }
    return "check " + String.join(", ", parts);
  }

  /** The server's short reason, secrets blanked, or empty; consumes at most a few kilobytes. */
  String serverReason(Response response, List<String> extraSecrets) {
    String text;
    try {
      text = response.peekBody(4096).string().trim();
    } catch (IOException | IllegalStateException e) {
      return "";
    }
    if (text.isEmpty()) {
      return "";
    }
    text = fromJson(text);
    text = text.replaceAll("[\\p{Cntrl}]", " ");
    for (String secret : secrets(extraSecrets)) {
      text = text.replace(secret, "██");
    }
    if (text.length() > MAX_REASON) {
      text = text.substring(0, MAX_REASON) + "…";
    }
    return " (server says: '" + text + "')";
  }

  private static String fromJson(String text) {
    if (!text.startsWith("{")) {
      return text;
    }
    try {
      JsonNode tree = Json.MAPPER.readTree(text);
      for (String pointer : REASON_FIELDS) {
        JsonNode node = tree.at(pointer);
        if (node.isTextual()) {
          return node.asText();
        }
      }
    } catch (IOException notJson) {
      // Quote the raw text instead.
    }
    return text;
  }

  private List<String> secrets(List<String> extra) {
    List<String> secrets = new ArrayList<>();
    for (DeclaredHeader header : headers) {
      if (header.secret()) {
        secrets.add(header.value());
      }
    }
    for (String value : extra) {
      if (value != null && !value.isEmpty()) {
        secrets.add(value);
      }
    }
    return secrets;
  }
}
