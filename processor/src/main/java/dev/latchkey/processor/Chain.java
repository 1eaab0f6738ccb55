package dev.latchkey.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A builder-call chain as a person would write it: the declaration, then one {@code .call(..)} per
 * line, indented, and the closing semicolon on the last call.
 */
final class Chain {
  private final CodeBlock head;
  private final List<CodeBlock> calls = new ArrayList<>();

  Chain(String format, Object... args) {
    this.head = CodeBlock.of(format, args);
  }

  /** Adds {@code .call(..)}; the format starts with the method name, without the dot. */
  Chain call(String format, Object... args) {
    calls.add(CodeBlock.of("." + format, args));
    return this;
  }

  CodeBlock build() {
    CodeBlock.Builder code = CodeBlock.builder().add(head).indent().indent();
    for (CodeBlock call : calls) {
      code.add("\n").add(call);
    }
    return code.add(";\n").unindent().unindent().build();
  }
}
