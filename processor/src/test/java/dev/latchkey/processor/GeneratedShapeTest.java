package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
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
  void installsDeclaredAdaptersAndUnwrapsOnlyDirectMethodsThatCannotThrowIoException()
      throws IOException {
    Compilation compilation = Compilations.compile("good/StackApi.java");
    assertThat(compilation).succeededWithoutWarnings();
    String source = source(compilation, "com.example.LatchkeyStackApi");
    assertTrue(
        source.contains("client.addCallAdapterFactory(RxJava3CallAdapterFactory.create());"),
        source);
    // direct() and response() run on the caller's thread without declaring IOException.
    assertEquals(2, count(source, "catch (UncheckedIOException e)"), source);
    assertEquals(2, count(source, "throw DirectCallAdapterFactory.unwrap(e);"), source);
    assertTrue(
        source.contains("public Object suspended(Continuation<? super ResponseBody>"), source);
    for (String builderMethod : new String[] {
      "addConverterFactory(Converter.Factory factory)",
      "addCallAdapterFactory(CallAdapter.Factory factory)",
      "objectMapper(ObjectMapper objectMapper)",
      "callbackExecutor(Executor callbackExecutor)",
      "retrofit(Consumer<Retrofit.Builder> hook)",
      "maxThrottleWait(Duration maxThrottleWait)",
      "badPasswordBackoff(Duration badPasswordBackoff)"
    }) {
      assertTrue(source.contains("public Builder " + builderMethod), builderMethod);
    }
  }

  @Test
  void writesOnlyForTheAnnotatedInterface() {
    Compilation compilation = Compilations.compile("good/Outer.java");
    assertThat(compilation).succeededWithoutWarnings();
    // The client and its service-provider view (ClientDefinition), nothing for Outer itself.
    assertEquals(
        java.util.Set.of(
            "/SOURCE_OUTPUT/com/example/LatchkeyOuter_Api.java",
            "/SOURCE_OUTPUT/com/example/LatchkeyOuter_ApiDefinition.java"),
        compilation.generatedSourceFiles().stream()
            .map(file -> file.getName())
            .filter(name -> name.contains("Latchkey"))
            .collect(java.util.stream.Collectors.toSet()));
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

  /** Issue 14: mutual digest authentication can be asked for from the annotation alone. */
  @Test
  void asksForMutualDigestAuthenticationOnlyWhenTheAnnotationDoes() throws IOException {
    String api = """
        package com.example;
        import dev.latchkey.annotations.DigestAuth;
        import okhttp3.ResponseBody;
        import retrofit2.Call;
        import retrofit2.http.GET;
        @DigestAuth(mutualAuth = true)
        public interface MutualApi {
          @GET("x")
          Call<ResponseBody> x();
        }
        """;
    Compilation compilation =
        Compilations.compile(JavaFileObjects.forSourceString("com.example.MutualApi", api));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(source(compilation, "com.example.LatchkeyMutualApi").contains(".mutualAuth(true)"));
    Compilation plain = Compilations.compile(JavaFileObjects.forSourceString(
        "com.example.MutualApi", api.replace("(mutualAuth = true)", "")));
    assertThat(plain).succeededWithoutWarnings();
    assertFalse(source(plain, "com.example.LatchkeyMutualApi").contains("mutualAuth"));
  }

  static String source(Compilation compilation, String name) throws IOException {
    return compilation
        .generatedSourceFile(name)
        .orElseThrow()
        .getCharContent(false)
        .toString();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
