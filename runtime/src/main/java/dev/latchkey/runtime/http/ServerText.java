package dev.latchkey.runtime.http;

import dev.latchkey.runtime.logging.Redactor;

/**
 * The one place where text a server sent (an error reason, a realm, a challenge parameter) is made
 * fit for an exception message or an event: control characters become spaces, every secret the
 * client's {@link Redactor} knows is masked (a hostile or careless server may echo the password or
 * the token back), and the result is cut, so that a 15 KB realm or a 3,000-character error body
 * never makes a 15 KB message (issue 14, defects 6 and 9).
 */
public final class ServerText {
  /** How many characters of server text a message quotes at most. */
  public static final int MAX_CHARS = 200;

  private ServerText() {}

  /** {@code text} cut to {@value #MAX_CHARS} characters, with secrets masked. */
  public static String quote(String text, Redactor redactor) {
    return quote(text, MAX_CHARS, redactor);
  }

  /**
   * {@code text} cut to {@code maxChars} characters, with secrets masked; {@code ""} for null.
   * Masking runs before cutting, so that a secret cut in half is masked too.
   */
  public static String quote(String text, int maxChars, Redactor redactor) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    // Look at no more than a bounded prefix: the masks can only shorten what is kept.
    int length = text.length();
    String head = length > 4 * maxChars + 256 ? text.substring(0, 4 * maxChars + 256) : text;
    String clean = redactor.text(head.replaceAll("\\p{Cntrl}", " "));
    if (clean.length() <= maxChars && head.length() == length) {
      return clean;
    }
    return clean.substring(0, Math.min(maxChars, clean.length())) + "… (" + length + " chars)";
  }
}
