package dev.latchkey.runtime.session;

import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Failure messages that say what to check (the user, the static headers and their setters)
 * without a secret: secret header values are never shown.
 */
final class Diagnosis {
  private final String who;
  private final List<StaticHeader> headers;

  Diagnosis(String who, List<StaticHeader> headers) {
    this.who = who;
    this.headers = headers;
  }

  /** The client's name, which starts every message. */
  String who() {
    return who;
  }

  /** "check the user name and password, MediaSiloHostContext='acme' (hostContext(..)) and ...". */
  String whatToCheck(boolean password) {
    List<String> parts = new ArrayList<>();
    if (password) {
      parts.add("the user name and password");
    }
    for (StaticHeader header : headers) {
      parts.add(
          header.secret()
              ? header.name() + " (" + header.setter() + "(..), secret, not shown)"
              : header.name() + "='" + header.value() + "' (" + header.setter() + "(..))");
    }
    return parts.isEmpty() ? "check the credentials" : "check " + String.join(", ", parts);
  }

  /**
   * Whether a header, cookie or query parameter can carry {@code token}. OkHttp would refuse one
   * that cannot with an unchecked exception quoting it, and a token is a secret.
   */
  static boolean carriable(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ';' || c == ',') {
        return false;
      }
    }
    return true;
  }
}
