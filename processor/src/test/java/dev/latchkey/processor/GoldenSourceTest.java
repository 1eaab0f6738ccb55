package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated client of one interface per kind, compared with its golden file under {@code
 * expected/}. Run with {@code LATCHKEY_UPDATE_GOLDEN=1} to rewrite the golden files from the
 * current output (then review the diff).
 */
class GoldenSourceTest {
  private static final Path EXPECTED = Path.of("src/test/resources/expected");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OnDemandApi",
        "XandrApi",
        "MediaSiloApi",
        "StackApi",
        "F5Api",
        "ProxmoxApi",
        "KubernetesApi"
      })
  void generatesTheGoldenSource(String name) throws IOException {
    assertGolden(name, "Latchkey" + name);
  }

  /** The service-provider view the Spring Boot starter configures the client through. */
  @ParameterizedTest
  @ValueSource(strings = {"OnDemandApi", "XandrApi", "MediaSiloApi"})
  void generatesTheGoldenDefinition(String name) throws IOException {
    assertGolden(name, "Latchkey" + name + "Definition");
  }

  private static void assertGolden(String name, String generatedSimpleName) throws IOException {
    Compilation compilation = Compilations.compile("good/" + name + ".java");
    assertThat(compilation).succeededWithoutWarnings();
    String generatedName = "com.example." + generatedSimpleName;
    JavaFileObject generated = compilation.generatedSourceFile(generatedName).orElseThrow();
    String actual = generated.getCharContent(false).toString();
    Path golden = EXPECTED.resolve(generatedSimpleName + ".java");
    if ("1".equals(System.getenv("LATCHKEY_UPDATE_GOLDEN"))) {
      Files.writeString(golden, actual);
    }
    String expected = Files.readString(golden);
    assertThat(compilation)
        .generatedSourceFile(generatedName)
        .hasSourceEquivalentTo(JavaFileObjects.forSourceString(generatedName, expected));
    // Layout is part of the contract too: users read this file in their IDE.
    assertEquals(expected, actual);
  }
}
