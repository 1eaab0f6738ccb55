package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.latchkey.runtime.LatchkeyConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed fields of a login or logout body, parsed once at build time: {@code "/pointer=text"}
 * and {@code "/pointer:=json"} for JSON, {@code "name=value"} for a form; {@code {setter}} in a
 * text value stands for a static header's value, asked when the body is written (it may rotate).
 * The processor checks the same grammar at compile time; this is the check for hand-built schemes.
 */
final class LoginFields {
  private static final Pattern SETTER = Pattern.compile("\\{([^{}]*)\\}");

  /** One field: where it goes, and either a JSON literal or a text template. */
  record Field(String name, JsonNode literal, String template) {}

  private final List<Field> fields;

  private LoginFields(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  static LoginFields parse(List<String> entries, LoginBody body, String setter) {
    List<Field> fields = new ArrayList<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw bad(setter, entry, "must look like name=value");
      }
      boolean raw = body == LoginBody.JSON && entry.charAt(equals - 1) == ':';
      String name = entry.substring(0, raw ? equals - 1 : equals);
      String value = entry.substring(equals + 1);
      if (body == LoginBody.JSON) {
        pointer(name, setter, entry);
      } else if (body == LoginBody.NONE) {
        throw bad(setter, entry, "cannot be sent: the login body is NONE");
      } else if (name.startsWith("/")) {
        throw bad(setter, entry, "names a JSON pointer, but the body is a form");
      }
      if (raw) {
        try {
          fields.add(new Field(name, JsonAnswers.JSON.readTree(value), null));
        } catch (IOException e) {
          throw bad(setter, entry, "has a value after := that is not JSON");
        }
      } else {
        fields.add(new Field(name, null, value));
      }
    }
    return new LoginFields(fields);
  }

  /** The {@code {setter}} names the templates use, to check against the declared headers. */
  List<String> setters() {
    List<String> names = new ArrayList<>();
    for (Field field : fields) {
      if (field.template() != null) {
        Matcher matcher = SETTER.matcher(field.template());
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }

  /** Puts every field into {@code root} (JSON), {@code {setter}} replaced through {@code values}. */
  void putInto(ObjectNode root, Function<String, String> values) {
    for (Field field : fields) {
      JsonNode value = field.literal() != null
          ? field.literal().deepCopy()
          : TextNode.valueOf(fill(field.template(), values));
      put(root, JsonPointer.compile(field.name()), value);
    }
  }

  /** Every field as a form pair, {@code {setter}} replaced through {@code values}. */
  void addTo(Map<String, String> form, Function<String, String> values) {
    for (Field field : fields) {
      form.put(field.name(), fill(field.template(), values));
    }
  }

  /** Puts {@code value} at {@code pointer}, making the objects on the way. */
  static void put(ObjectNode root, JsonPointer pointer, JsonNode value) {
    JsonPointer parent = pointer.head();
    ObjectNode target = parent == null || parent.matches() ? root : root.withObject(parent);
    target.set(pointer.last().getMatchingProperty(), value);
  }

  private static String fill(String template, Function<String, String> values) {
    Matcher matcher = SETTER.matcher(template);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(values.apply(matcher.group(1))));
    }
    return matcher.appendTail(result).toString();
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
