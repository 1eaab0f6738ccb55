package dev.latchkey.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of README.md, redis/README.md and docs/*.md compiles against the real
 * artifacts, the annotation processor included (issue 15: snippets had rotted into calling
 * {@code close()} on an interface that is not Closeable). How a snippet declares what it needs:
 * docs/snippets.md.
 */
class DocSnippetTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path out;

  static List<Snippet> all() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    for (Path file : Snippets.files(ROOT)) {
      snippets.addAll(Snippets.read(ROOT, file));
    }
    return snippets;
  }

  @TestFactory
  Stream<DynamicTest> everySnippetCompiles() throws IOException {
    return all().stream()
        .filter(snippet -> !snippet.skip())
        .map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> compile(snippet)));
  }

  @Test
  void theScanFindsTheSnippetsAndTheirMarkers() throws IOException {
    List<Snippet> snippets = all();
    assertTrue(
        snippets.stream().filter(s -> s.file().equals("README.md")).count() >= 3,
        snippets.toString());
    assertTrue(snippets.stream().anyMatch(s -> s.file().equals("redis/README.md")));
    assertTrue(snippets.stream().anyMatch(s -> s.file().startsWith("docs/")));
    assertTrue(snippets.stream().anyMatch(s -> !s.imports().isEmpty()));
  }

  @Test
  void aSnippetThatCallsCloseOnTheInterfaceFailsToCompile() {
    // The rot this test exists for: XandrApi is not Closeable, its generated client is.
    Snippet rotten = new Snippet("rotten.md", 1, """
        XandrApi api = LatchkeyXandrApi.builder().baseUrl("http://127.0.0.1:9/").build();
        api.close();
        """, List.of(), false);
    String errors = javac(rotten);
    assertTrue(errors.contains("cannot find symbol") && errors.contains("close()"), errors);
  }

  private void compile(Snippet snippet) {
    String errors = javac(snippet);
    assertEquals("", errors, snippet + " does not compile:\n" + errors + "\n" + snippet.source());
  }

  /** Compiles with the processor named, as users must on JDK 23+; returns the errors, or "". */
  private String javac(Snippet snippet) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaFileObject source =
        new SimpleJavaFileObject(
            URI.create("string:///docsnippets/" + snippet.className() + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return snippet.source();
          }
        };
    StringWriter errors = new StringWriter();
    Path classes;
    try {
      classes = Files.createDirectories(out.resolve(snippet.className()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    boolean ok = compiler
        .getTask(
            errors,
            null,
            null,
            List.of(
                "-classpath",
                classPath,
                "-processorpath",
                classPath,
                "-processor",
                "dev.latchkey.processor.LatchkeyProcessor",
                "-d",
                classes.toString(),
                "-s",
                classes.toString(),
                "-Xlint:-options"),
            null,
            List.of(source))
        .call();
    return ok ? "" : errors.toString().replace(File.separator + File.separator, File.separator);
  }
}
