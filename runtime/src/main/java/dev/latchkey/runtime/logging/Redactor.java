package dev.latchkey.runtime.logging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that is about to be logged. Three layers, because no single one is
 * enough: header names known to carry credentials, JSON and XML fields named like secrets, and the
 * exact values of secrets the engines have handed out or received (a token is a secret wherever
 * it appears, even in a field we did not expect).
 *
 * <p>Thread-safe. Remembers at most {@value #MAX_VALUES} secret values, the newest kept, so that a
 * long-running client does not grow without bound.
 */
public final class Redactor {
  /** What a redacted value is replaced with. */
  public static final String MASK = "██";

  static final int MAX_VALUES = 256;
  private static final int MIN_SECRET_LENGTH = 4;

  private final Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private final Set<String> fields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private final Deque<String> values = new ArrayDeque<>();
  private volatile Pattern fieldPattern;
  private volatile Pattern xmlPattern;
  private final List<Redactor> included = new CopyOnWriteArrayList<>();

  /** A redactor that knows the usual credential headers and secret field names. */
  public Redactor() {
    headers.addAll(Set.of(
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "Set-Cookie",
        "X-Key",
        "X-Secret",
        "X-Api-Key"));
    fields.addAll(Set.of(
        "password",
        "passwd",
        "token",
        "access_token",
        "refresh_token",
        "secret",
        "apiKey",
        "api_key",
        "sessionKey",
        "session_key"));
    fieldPattern = compile(fields);
    xmlPattern = compileXml(fields);
  }

  /** Treats headers named {@code name} as secret (case-insensitive). */
  public synchronized Redactor redactHeader(String name) {
    headers.add(Objects.requireNonNull(name, "name"));
    return this;
  }

  /** Treats JSON/XML fields named {@code name} as secret. */
  public synchronized Redactor redactField(String name) {
    fields.add(Objects.requireNonNull(name, "name"));
    fieldPattern = compile(fields);
    xmlPattern = compileXml(fields);
    return this;
  }

  /** Remembers a secret value (a token, a session key, a password) to mask wherever it appears. */
  public synchronized void addSecret(String value) {
    if (value == null || value.length() < MIN_SECRET_LENGTH || values.contains(value)) {
      return;
    }
    values.addFirst(value);
    while (values.size() > MAX_VALUES) {
      values.removeLast();
    }
  }

  /**
   * Also masks what {@code other} knows: its secret headers, fields and values, now and later.
   * {@code LatchkeyClient} includes its own redactor, where the engines register their live
   * secrets, in the redactor of every {@link HttpLog} found on its OkHttp client, so a log the user
   * built with {@code new Redactor()} masks them with no further setup (issue 14, defect 7). One
   * level only: what {@code other} itself includes is not followed, so no cycle can loop.
   */
  public Redactor include(Redactor other) {
    Objects.requireNonNull(other, "other");
    if (other != this && !included.contains(other)) {
      included.add(other);
    }
    return this;
  }

  /** Whether a header's value must be masked. */
  public boolean isSecretHeader(String name) {
    if (ownSecretHeader(name)) {
      return true;
    }
    for (Redactor other : included) {
      if (other.ownSecretHeader(name)) {
        return true;
      }
    }
    return false;
  }

  private synchronized boolean ownSecretHeader(String name) {
    return headers.contains(name);
  }

  /** The header line as it may be logged. */
  public String header(String name, String value) {
    if (isSecretHeader(name)) {
      return name + ": " + MASK;
    }
    return name + ": " + text(value);
  }

  /** {@code text} with secret fields and known secret values masked. */
  public String text(String text) {
    String result = ownText(text);
    for (Redactor other : included) {
      result = other.ownText(result);
    }
    return result;
  }

  private String ownText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher matcher = fieldPattern.matcher(text);
    String result =
        matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    result = xmlPattern
        .matcher(result)
        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(4)));
    String[] known;
    synchronized (this) {
      known = values.toArray(new String[0]);
    }
    for (String secret : known) {
      if (result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  /**
   * Matches {@code "field" : "value"} (JSON) and {@code <field>value</field>} (XML) for the secret
   * field names. Possessive quantifiers: a huge or hostile body costs linear time and no stack.
   */
  private static Pattern compile(Set<String> names) {
    String json = "(\"" + alternatives(names) + "\"\\s*+:\\s*+\")((?:[^\"\\\\]++|\\\\.)*+)(\")";
    return Pattern.compile(json, Pattern.CASE_INSENSITIVE);
  }

  private static Pattern compileXml(Set<String> names) {
    String xml = "(<(" + alternatives(names) + ")>)([^<]*)(</\\2>)";
    return Pattern.compile(xml, Pattern.CASE_INSENSITIVE);
  }

  private static String alternatives(Set<String> names) {
    StringBuilder alternatives = new StringBuilder();
    for (String name : names) {
      if (alternatives.length() > 0) {
        alternatives.append('|');
      }
      alternatives.append(Pattern.quote(name.toLowerCase(Locale.ROOT)));
    }
    return "(?:" + alternatives + ")";
  }
}
