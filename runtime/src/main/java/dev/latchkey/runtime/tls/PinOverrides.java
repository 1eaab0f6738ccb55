package dev.latchkey.runtime.tls;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads pins from configuration, so that pins are configuration rather than code (seed 000: the CA
 * can change, e.g. Sectigo's move to "Public Server Authentication CA DV R36" under R46).
 *
 * <ul>
 *   <li>environment variable {@code LATCHKEY_PINS}: {@code
 *       host-pattern=sha256/..,sha256/..;host-pattern2=sha256/..}
 *   <li>system property {@code latchkey.pins.<host-pattern>}: {@code sha256/..,sha256/..}; wins
 *       over the environment variable for the same pattern
 * </ul>
 */
final class PinOverrides {
  static final String ENV = "LATCHKEY_PINS";
  static final String PROPERTY_PREFIX = "latchkey.pins.";

  private PinOverrides() {}

  /** Pattern (canonical) to pins, validated; later sources win per pattern. */
  static Map<String, List<String>> read(Properties properties, String envValue) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (envValue != null && !envValue.isBlank()) {
      for (String entry : envValue.split(";")) {
        if (entry.isBlank()) {
          continue;
        }
        int eq = entry.indexOf('=');
        if (eq < 0) {
          throw new LatchkeyConfigException(
              ENV + ": entry '" + entry.strip() + "' is not host-pattern=sha256/..,sha256/..");
        }
        put(result, entry.substring(0, eq), entry.substring(eq + 1), ENV);
      }
    }
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(PROPERTY_PREFIX)) {
        put(result, name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name), name);
      }
    }
    return result;
  }

  private static void put(
      Map<String, List<String>> result, String rawPattern, String rawPins, String source) {
    String pattern;
    List<String> pins = new ArrayList<>();
    try {
      pattern = PinSyntax.checkPattern(rawPattern);
      for (String pin : rawPins.split(",")) {
        pins.add(PinSyntax.checkPin(pattern, pin));
      }
    } catch (LatchkeyConfigException e) {
      throw new LatchkeyConfigException(source + ": " + e.getMessage());
    }
    result.put(pattern, List.copyOf(pins));
  }
}
