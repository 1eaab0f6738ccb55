package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonPointer;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.Mappers;
import dev.latchkey.runtime.session.SessionRecipe.Body;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The syntax of {@code @TokenLogin loginFields} and {@code logoutFields}, for the builder: {@code
 * "/pointer=text"} and {@code "/pointer:=json"} in a JSON body, {@code "name=value"} in a form. The
 * processor checks the same grammar at compile time; this is the check for schemes built by hand,
 * and the split into text fields and JSON literals the session engine writes.
 */
final class LoginFieldSyntax {

  private LoginFieldSyntax() {}

  /** The text fields in order; JSON literals go to {@code literals} (checked to be JSON). */
  static Map<String, String> parse(
      List<String> entries, Body body, String setter, Map<String, String> literals) {
    Map<String, String> text = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw bad(setter, entry, "must look like name=value");
      }
      if (body == Body.NONE) {
        throw bad(setter, entry, "cannot be sent: the login body is NONE");
      }
      boolean raw = body == Body.JSON && entry.charAt(equals - 1) == ':';
      String name = entry.substring(0, raw ? equals - 1 : equals);
      String value = entry.substring(equals + 1);
      if (body == Body.FORM && name.startsWith("/")) {
        throw bad(setter, entry, "names a JSON pointer, but the body is a form");
      }
      if (body == Body.JSON) {
        pointer(name, setter, entry);
      }
      if (raw) {
        try {
          com.fasterxml.jackson.databind.JsonNode literal = Mappers.treeJson().readTree(value);
          if (literal == null || literal.isMissingNode()) {
            throw bad(
                setter, entry, "has nothing after :=; write \"\" after = for an empty string");
          }
        } catch (IOException e) {
          throw bad(setter, entry, "has a value after := that is not JSON");
        }
        literals.put(name, value);
      } else {
        text.put(name, value);
      }
    }
    return text;
  }

  private static void pointer(String name, String setter, String entry) {
    if (!name.startsWith("/") || name.length() < 2) {
      throw bad(setter, entry, "must start with a JSON pointer such as /field");
    }
    try {
      JsonPointer.compile(name);
    } catch (IllegalArgumentException e) {
      throw bad(setter, entry, "has a pointer that is not RFC 6901");
    }
  }

  private static LatchkeyConfigException bad(String setter, String entry, String why) {
    return new LatchkeyConfigException("TokenScheme: " + setter + "(\"" + entry + "\") " + why);
  }
}
