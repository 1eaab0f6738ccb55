package dev.latchkey.samples.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line flags: {@code --name value} pairs, {@code --flag} switches and positional words.
 * Repeated flags keep every value. Secrets are never flags: {@link #secretFromEnv} reads the
 * environment variable a flag names.
 */
public final class Options {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Options() {}

  /** Parses {@code args}; {@code switches} are the flags that take no value. */
  public static Options parse(List<String> args, List<String> switches) {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--")) {
        if (switches.contains(arg)) {
          options.values.computeIfAbsent(arg, k -> new ArrayList<>()).add("true");
        } else {
          if (i + 1 >= args.size()) {
            throw new UsageException(arg + " needs a value");
          }
          options.values.computeIfAbsent(arg, k -> new ArrayList<>()).add(args.get(++i));
        }
      } else {
        options.positional.add(arg);
      }
    }
    return options;
  }

  /**
   * Throws a {@link UsageException} naming the first flag of these options that is not in {@code
   * known}, so that a misspelt flag is an error rather than silently ignored.
   */
  public void rejectUnknown(String command, Collection<String> known) {
    for (String flag : values.keySet()) {
      if (!known.contains(flag)) {
        throw new UsageException(
            "unknown flag " + flag + " for '" + command + "'; known: " + String.join(" ", known));
      }
    }
  }

  public List<String> positional() {
    return positional;
  }

  public boolean has(String flag) {
    return values.containsKey(flag);
  }

  public String get(String flag, String fallback) {
    List<String> all = values.get(flag);
    return all == null ? fallback : all.get(all.size() - 1);
  }

  public List<String> all(String flag) {
    return values.getOrDefault(flag, List.of());
  }

  public int integer(String flag, int fallback) {
    String value = get(flag, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " takes a whole number, not '" + value + "'");
    }
  }

  public Duration duration(String flag, Duration fallback) {
    String value = get(flag, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException(
          flag + " takes an ISO-8601 duration such as PT5M, not '" + value + "'");
    }
  }

  /**
   * The secret held by the environment variable named by {@code flag}; if the flag is absent,
   * {@code fallback} (for simulators and demos, which run with known test accounts).
   */
  public String secretFromEnv(String flag, String fallback) {
    String variable = get(flag, null);
    if (variable == null) {
      return fallback;
    }
    String value = System.getenv(variable);
    if (value == null) {
      throw new UsageException(
          flag + " names environment variable " + variable + ", which is not set");
    }
    return value;
  }

  /** Bad command-line input; the CLI prints the message and exits 2. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }
}
