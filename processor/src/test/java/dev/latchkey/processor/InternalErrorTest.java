package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A processor bug must become one error on the interface, never a crashed compiler. */
class InternalErrorTest {

  @Test
  void turnsAnUnexpectedExceptionIntoOneErrorNamingTheInterface() {
    LatchkeyProcessor failing = new LatchkeyProcessor() {
      @Override
      void generate(TypeElement iface, Reporter reporter) {
        throw new IllegalStateException("boom");
      }
    };
    JavaFileObject source = JavaFileObjects.forResource("good/XandrApi.java");
    Compilation compilation = Compilations.compile(failing, source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LK900] Latchkey failed on com.example.XandrApi: java.lang.IllegalStateException: boom"
                + " at ")
        .inFile(source)
        .onLineContaining("public interface XandrApi");
  }
}
