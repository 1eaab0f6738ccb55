package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Code that does not compile gets javac's errors, not a second one from Latchkey. */
class BrokenSourceTest {

  @Test
  void leavesUnresolvedAnnotationValuesToJavac() {
    Compilation compilation = Compilations.compile("bad/UndefinedConstant.java");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadErrorCount(2);
  }
}
