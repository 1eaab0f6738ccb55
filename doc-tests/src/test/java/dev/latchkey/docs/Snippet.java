package dev.latchkey.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ```java} block of a Markdown file, with the markers of the HTML comment right above
 * it, turned into a compilation unit: its type declarations at the top level, everything else in
 * the body of a method that may throw anything, beside the context variables every snippet may
 * use (see docs/snippets.md).
 *
 * @param file the Markdown file, relative to the repository root
 * @param line the line of the opening fence
 * @param code the code between the fences
 * @param imports extra imports from {@code <!-- snippet: imports a.B, c.d.* -->}
 * @param skip whether {@code <!-- snippet: skip -->} marks it as not Java to compile
 */
record Snippet(String file, int line, String code, List<String> imports, boolean skip) {
  /** Imports every snippet gets: the names a reader of our docs sees without imports. */
  static final List<String> DEFAULT_IMPORTS = List.of(
      "dev.latchkey.annotations.*",
      "dev.latchkey.runtime.*",
      "dev.latchkey.runtime.store.*",
      "dev.latchkey.runtime.tls.TlsPolicy",
      "dev.latchkey.redis.*",
      "dev.latchkey.samples.xandr.XandrApi",
      "dev.latchkey.samples.xandr.LatchkeyXandrApi",
      "dev.latchkey.samples.mediasilo.MediaSiloApi",
      "dev.latchkey.samples.mediasilo.LatchkeyMediaSiloApi",
      "java.time.*",
      "java.util.*",
      "retrofit2.Call",
      "retrofit2.Response",
      "retrofit2.http.*");

  /** Variables every snippet may use without declaring them, as the docs' prose introduces them. */
  static final String CONTEXT = """
        Secrets secrets = () -> "not-a-real-password";
        AuthEventListener metrics = AuthEventListener.NONE;
      """;

  /** The class that holds the snippet: {@code Snippet_README_md_42}. */
  String className() {
    return "Snippet_" + file.replaceAll("[^A-Za-z0-9]", "_") + "_" + line;
  }

  /** The compilation unit: package {@code docsnippets}, imports, declarations, one method. */
  String source() {
    List<String> declarations = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    split(declarations, statements);
    StringBuilder unit = new StringBuilder("package docsnippets;\n\n");
    for (String name : DEFAULT_IMPORTS) {
      unit.append("import ").append(name).append(";\n");
    }
    for (String name : imports) {
      unit.append("import ").append(name).append(";\n");
    }
    for (String name : ownImports()) {
      unit.append("import ").append(name).append(";\n");
    }
    unit.append("\n").append(String.join("\n", declarations)).append("\n\n");
    unit.append("interface ").append(className()).append("_Secrets { String password(); }\n\n");
    unit.append("final class ").append(className()).append(" {\n");
    unit.append("  @SuppressWarnings(\"unused\")\n");
    unit.append("  void snippet() throws Exception {\n");
    unit.append(CONTEXT.replace("Secrets ", className() + "_Secrets "));
    unit.append(String.join("\n", statements)).append("\n  }\n}\n");
    return unit.toString();
  }

  /**
   * Top-level declarations (an annotated interface, a record ...) start at column 0 with an
   * annotation or a type keyword and end where the type's body closes (braces inside the
   * annotations, such as {@code loginFields = {"a=b"}}, do not end it); {@code import} lines at
   * column 0 outside a declaration are the snippet's own imports, a {@code package} line is
   * dropped; the rest are statements.
   */
  private void split(List<String> declarations, List<String> statements) {
    split(declarations, statements, new ArrayList<>());
  }

  private void split(List<String> declarations, List<String> statements, List<String> ownImports) {
    int depth = 0;
    boolean inDeclaration = false;
    boolean typeSeen = false;
    for (String text : code.split("\n", -1)) {
      if (depth == 0 && !inDeclaration) {
        if (text.startsWith("import ")) {
          ownImports.add(text.substring("import ".length()).replace(";", "").strip());
          continue;
        }
        if (text.startsWith("package ")) {
          continue;
        }
        if (startsDeclaration(text)) {
          inDeclaration = true;
          typeSeen = false;
        }
      }
      if (inDeclaration && depth == 0) {
        // One file holds them all: a public top-level type would need a file of its own.
        text = text.replaceFirst("^public ", "");
      }
      if (inDeclaration && TYPE.matcher(text).find()) {
        typeSeen = true;
      }
      (inDeclaration ? declarations : statements).add(text);
      depth += count(text, '{') - count(text, '}');
      if (inDeclaration && typeSeen && depth == 0 && text.contains("}")) {
        inDeclaration = false;
      }
    }
  }

  /** The snippet's own {@code import} lines, hoisted to the top of the unit. */
  List<String> ownImports() {
    List<String> own = new ArrayList<>();
    split(new ArrayList<>(), new ArrayList<>(), own);
    return own;
  }

  private static final java.util.regex.Pattern TYPE =
      java.util.regex.Pattern.compile("(^|\\s)(interface|class|record|enum)\\s+\\w+");

  private static boolean startsDeclaration(String line) {
    return line.matches("(@[A-Z]\\w*.*|(public )?(final )?(interface|class|record|enum) .*)");
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
