package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What the generated class looks like for the less common shapes of interface. */
class GeneratedShapeTest {

  @Test
  void delegatesInheritedMethodsOnceAndSkipsDefaultsAndClose() throws IOException {
    Compilation compilation = Compilations.compile("good/InheritanceApi.java");
    assertThat(compilation).succeededWithoutWarnings();
    String source = source(compilation, "com.example.LatchkeyInheritanceApi");
    assertEquals(1, count(source, "public Call<ResponseBody> shared(String q)"), source);
    assertEquals(1, count(source, "public Call<List<ResponseBody>> left()"), source);
    assertFalse(source.contains("overridden()"), source);
    assertEquals(1, count(source, "public void close()"), source);
    // The interface is package-private, so is its client.
    assertTrue(source.contains("\nfinal class LatchkeyInheritanceApi implements"), source);
  }

  @Test
  void namesTheClientOfANestedInterfaceAfterItsOuterClass() throws IOException {
    Compilation compilation = Compilations.compile("good/Outer.java");
    assertThat(compilation).succeededWithoutWarnings();
    String source = source(compilation, "com.example.LatchkeyOuter_Api");
    assertTrue(
        source.contains("public final class LatchkeyOuter_Api implements Outer.Api"), source);
    assertTrue(source.contains("LatchkeyClient.builder(\"Api\")"), source);
  }

  @Test
  void writesOnlyForTheAnnotatedInterface() {
    Compilation compilation = Compilations.compile("good/Outer.java");
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(
        1,
        compilation.generatedSourceFiles().stream()
            .filter(file -> file.getName().contains("Latchkey"))
            .count());
  }

  @Test
  void mapsATokenHeaderAndJwtOnlyLogin() throws IOException {
    Compilation compilation = Compilations.compile("good/JwtOnlyApi.java");
    assertThat(compilation).succeededWithoutWarnings();
    String source = source(compilation, "com.example.LatchkeyJwtOnlyApi");
    assertTrue(source.contains(".header(\"Authorization\", \"Bearer {token}\")"), source);
    assertTrue(source.contains(".jwtPath(\"v2/auth/jwt\")"), source);
    assertTrue(source.contains("public Builder signingKey(JwtSigningKey signingKey)"), source);
    assertFalse(source.contains(".loginPath("), source);
    assertFalse(source.contains(".cookie("), source);
  }

  @Test
  void writesASetterPerHeaderAndNoSessionForBasicOnly() throws IOException {
    Compilation compilation = Compilations.compile("good/BasicOnlyApi.java");
    assertThat(compilation).succeededWithoutWarnings();
    String source = source(compilation, "com.example.LatchkeyBasicOnlyApi");
    assertTrue(source.contains("public Builder key(String key)"), source);
    assertTrue(source.contains("public Builder secret(String secret)"), source);
    assertTrue(
        source.contains(".header(\"x-secret\", \"secret\", true, \"{value}\", this.secret)"),
        source);
    assertTrue(source.contains("public Builder secret(Supplier<String> secret)"), source);
    assertTrue(source.contains("basic unless set"), source);
    assertFalse(source.contains(".session("), source);
  }

  static String source(Compilation compilation, String name) throws IOException {
    return compilation.generatedSourceFile(name).orElseThrow().getCharContent(false).toString();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
