package dev.latchkey.processor;

/**
 * Every message the processor can print, in one place. Each has a stable code ({@code [LK012]})
 * that users can search for, and says how to fix the problem, not only what it is.
 *
 * <p>Codes are never reused or renumbered. LK001-LK099: the interface and its auth annotation.
 * LK100-LK199: the Retrofit methods of the interface. LK900: the processor itself.
 */
public enum Diagnostic {
  // ---- LK001-LK099: the annotated interface and its auth annotation ------------------------

  // (added by the annotation readers)

  // ---- LK100-LK199: Retrofit methods -------------------------------------------------------

  // (added by the method checkers)

  // ---- LK900: the processor ----------------------------------------------------------------

  /** Wraps an unexpected exception so that a processor bug never crashes the user's build. */
  INTERNAL_ERROR(900, "Latchkey failed on %s: %s. Please report this with the interface attached.");

  private final int code;
  private final String format;

  Diagnostic(int code, String format) {
    this.code = code;
    this.format = format;
  }

  /** The code as printed, e.g. {@code LK012}. */
  public String code() {
    return String.format("LK%03d", code);
  }

  /** The full message: {@code [LK012] text}. */
  public String format(Object... args) {
    return "[" + code() + "] " + String.format(format, args);
  }
}
