package dev.latchkey.spring;

import dev.latchkey.runtime.spi.ClientDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Matches property names ({@code xandr-api}) to generated clients ({@code XandrApi}). */
final class ClientNames {
  private ClientNames() {}

  /** Relaxed: case, dashes and underscores do not count ({@code xandr-api} = {@code XandrApi}). */
  static String canonical(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  static Optional<ClientDefinition<?>> find(String key, List<ClientDefinition<?>> definitions) {
    String wanted = canonical(key);
    return definitions.stream().filter(d -> canonical(d.name()).equals(wanted)).findFirst();
  }

  /** The bean name of a client: its interface's name, first letter in lower case ({@code xandrApi}). */
  static String beanName(ClientDefinition<?> definition) {
    String name = definition.name();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code host-context} or {@code host_context} to the setter name {@code hostContext}. */
  static String setter(String key) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '-' || c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  static String list(List<ClientDefinition<?>> definitions) {
    return definitions.isEmpty()
        ? "none (is the Latchkey processor on the annotation processor path?)"
        : definitions.stream().map(ClientDefinition::name).collect(Collectors.joining(", "));
  }
}
