package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The client index the Spring Boot starter reads: one {@code Latchkey<Name>Definition} per public
 * interface, all listed in one {@code META-INF/services} file written in the last round; none with
 * {@code -Alatchkey.index=false}, and Gradle told which kind of incremental processor we are.
 */
class ClientIndexTest {
  private static final String INDEX = "META-INF/services/dev.latchkey.runtime.spi.ClientDefinition";

  @Test
  void everyPublicInterfaceIsListedOnceInOneIndex() throws IOException {
    Compilation compilation = Compilations.compile(
        "good/OnDemandApi.java", "good/XandrApi.java", "good/MediaSiloApi.java");
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject index =
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", INDEX).orElseThrow();
    assertEquals(
        List.of(
            "com.example.LatchkeyMediaSiloApiDefinition",
            "com.example.LatchkeyOnDemandApiDefinition",
            "com.example.LatchkeyXandrApiDefinition"),
        index.getCharContent(false).toString().lines().toList());
  }

  @Test
  void aPackagePrivateInterfaceGetsNoDefinition() {
    Compilation compilation = Compilations.compile(JavaFileObjects.forSourceLines(
        "com.example.HiddenApi",
        "package com.example;",
        "import dev.latchkey.annotations.DigestAuth;",
        "import okhttp3.ResponseBody;",
        "import retrofit2.Call;",
        "import retrofit2.http.GET;",
        "@DigestAuth",
        "interface HiddenApi {",
        "  @GET(\"x\") Call<ResponseBody> x();",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(compilation.generatedSourceFile("com.example.LatchkeyHiddenApi").isPresent());
    assertFalse(compilation
        .generatedSourceFile("com.example.LatchkeyHiddenApiDefinition")
        .isPresent());
    assertFalse(
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", INDEX).isPresent());
  }

  @Test
  void theIndexCanBeTurnedOff() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new LatchkeyProcessor())
        .withOptions("-Alatchkey.index=false")
        .compile(
            JavaFileObjects.forResource("good/XandrApi.java"),
            JavaFileObjects.forResource("stubs/dev/latchkey/runtime/token/TokenScheme.java"),
            JavaFileObjects.forResource("stubs/dev/latchkey/runtime/token/JwtSigningKey.java"),
            JavaFileObjects.forResource("stubs/dev/latchkey/runtime/store/SessionStore.java"));
    assertThat(compilation).succeeded();
    assertTrue(compilation.generatedSourceFile("com.example.LatchkeyXandrApi").isPresent());
    assertFalse(compilation
        .generatedSourceFile("com.example.LatchkeyXandrApiDefinition")
        .isPresent());
    assertFalse(
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", INDEX).isPresent());
  }

  @Test
  void gradleSeesAggregatingWithTheIndexAndIsolatingWithout() {
    // Outside javac (no processing environment yet) the default, the index, applies.
    Set<String> options = new LatchkeyProcessor().getSupportedOptions();
    assertTrue(options.contains(LatchkeyProcessor.INDEX_OPTION));
    assertTrue(options.contains("org.gradle.annotation.processing.aggregating"));
  }
}
