package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** An interface that names a type another processor writes waits for that round. */
class DeferredRoundTest {

  /**
   * Writes {@code com.example.model.Dto} in its first round, like an Immutables-style processor.
   */
  static final class DtoWriter extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer out =
            processingEnv.getFiler().createSourceFile("com.example.model.Dto").openWriter()) {
          out.write("package com.example.model;\n\npublic final class Dto {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void generatesOnceTheMissingTypeExists() throws IOException {
    JavaFileObject source = JavaFileObjects.forSourceLines(
        "com.example.DtoApi",
        "package com.example;",
        "",
        "import com.example.model.Dto;",
        "import dev.latchkey.annotations.DigestAuth;",
        "import retrofit2.Call;",
        "import retrofit2.http.GET;",
        "",
        "@DigestAuth",
        "public interface DtoApi {",
        "  @GET(\"dto\")",
        "  Call<Dto> dto();",
        "}");
    Compilation compilation = Compiler.javac()
        .withProcessors(new LatchkeyProcessor(), new DtoWriter())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(
            source,
            JavaFileObjects.forResource("stubs/dev/latchkey/runtime/digest/DigestScheme.java"),
            JavaFileObjects.forResource("stubs/dev/latchkey/runtime/digest/DigestAlgorithm.java"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = GeneratedShapeTest.source(compilation, "com.example.LatchkeyDtoApi");
    assertTrue(generated.contains("public Call<Dto> dto()"), generated);
  }
}
