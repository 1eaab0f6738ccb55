package dev.latchkey.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles test inputs with the processor, the runtime stubs, and warnings as errors. */
final class Compilations {
  /** Stand-ins for runtime classes other modules are still writing; the contract's signatures. */
  private static final List<String> STUBS = List.of(
      "stubs/dev/latchkey/runtime/digest/DigestAlgorithm.java",
      "stubs/dev/latchkey/runtime/digest/DigestScheme.java",
      "stubs/dev/latchkey/runtime/token/JwtSigningKey.java",
      "stubs/dev/latchkey/runtime/token/TokenScheme.java",
      "stubs/dev/latchkey/runtime/token/LoginBody.java",
      "stubs/dev/latchkey/runtime/store/SessionStore.java",
      "stubs/dev/latchkey/runtime/header/HeaderAuthMode.java",
      "stubs/dev/latchkey/runtime/header/HeaderScheme.java");

  private Compilations() {}

  static Compilation compile(String... resources) {
    return compile(new LatchkeyProcessor(), resources);
  }

  static Compilation compile(Processor processor, String... resources) {
    List<JavaFileObject> inputs = new ArrayList<>();
    for (String resource : resources) {
      inputs.add(JavaFileObjects.forResource(resource));
    }
    return compile(processor, inputs.toArray(new JavaFileObject[0]));
  }

  static Compilation compile(JavaFileObject... inputs) {
    return compile(new LatchkeyProcessor(), inputs);
  }

  /**
   * As {@link #compile(JavaFileObject...)}, on the test class path less every entry whose name
   * contains {@code jarName}: what a user who does not have that artifact compiles against.
   */
  static Compilation compileWithout(String jarName, JavaFileObject... inputs) {
    // Surefire hands the forked JVM a manifest-only jar; it names the real class path here.
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<File> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !new File(entry).getName().contains(jarName)) {
        entries.add(new File(entry));
      }
    }
    if (entries.size() == classPath.split(File.pathSeparator).length) {
      throw new IllegalStateException(jarName + " is not on the test class path: " + classPath);
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (String stub : STUBS) {
      sources.add(JavaFileObjects.forResource(stub));
    }
    sources.addAll(List.of(inputs));
    return Compiler.javac()
        .withProcessors(new LatchkeyProcessor())
        .withClasspath(entries)
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources);
  }

  static Compilation compile(Processor processor, JavaFileObject... inputs) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String stub : STUBS) {
      sources.add(JavaFileObjects.forResource(stub));
    }
    sources.addAll(List.of(inputs));
    // -processing: javac would warn that nobody claims Retrofit's annotations.
    return Compiler.javac()
        .withProcessors(processor)
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources);
  }
}
