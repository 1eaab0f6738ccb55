package dev.latchkey.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Javadoc text for generated code, wrapped by word: JavaPoet writes Javadoc lines as given, and
 * generated code should read like hand-written code (at most 100 columns).
 */
final class Javadocs {
  /** Room for the text of a member's Javadoc in a nested class ({@code " * "} before it). */
  static final int WIDTH = 92;

  private Javadocs() {}

  /** {@code text} (paragraphs separated by a blank line) as a Javadoc block. */
  static CodeBlock of(String text) {
    return CodeBlock.of("$L\n", wrap(text, WIDTH));
  }

  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    String[] paragraphs = text.split("\n\n");
    for (int p = 0; p < paragraphs.length; p++) {
      if (p > 0) {
        out.append("\n\n");
      }
      int column = 0;
      for (String word : paragraphs[p].trim().split("\\s+")) {
        if (column > 0 && column + 1 + word.length() > width) {
          out.append('\n');
          column = 0;
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += word.length();
      }
    }
    return out.toString();
  }
}
