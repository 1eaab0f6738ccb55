package dev.latchkey.processor.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.latchkey.processor.Diagnostic;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.tools.JavaFileObject;

/** Compiles small interfaces through {@link CheckingProcessor} and asserts on the errors. */
final class Sources {
  static final String FILE = "test/Api.java";

  private Sources() {}

  /** A file {@code test/Api.java} whose interface {@code Api} has the given members. */
  static JavaFileObject api(String members) {
    return JavaFileObjects.forSourceString("test.Api", """
        package test;

        import java.net.URI;
        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.CompletableFuture;
        import okhttp3.MultipartBody;
        import okhttp3.RequestBody;
        import okhttp3.ResponseBody;
        import retrofit2.Call;
        import retrofit2.Response;
        import retrofit2.http.*;

        interface Api {
        %s
        }

        class User {}
        """.formatted(members));
  }

  /**
   * Rules Retrofit does not enforce when it loads the method (it fails later, at request time, or
   * the generated client cannot call the shape): for these, Retrofit itself accepts the method.
   */
  static final Set<Diagnostic> BEYOND_RETROFIT = EnumSet.of(
      Diagnostic.HTTP_METHOD_INVALID,
      Diagnostic.URL_SCHEME,
      Diagnostic.URL_NO_HOST,
      Diagnostic.PLACEHOLDER_WITHOUT_PATH,
      Diagnostic.PATH_DUPLICATE,
      Diagnostic.HEADER_NAME_EMPTY,
      Diagnostic.RETURN_PRIMITIVE,
      Diagnostic.RETURN_RESPONSE_TWICE,
      Diagnostic.RETURN_UNSUPPORTED,
      Diagnostic.RETURN_NEEDS_ADAPTER);

  static Compilation compile(JavaFileObject... files) {
    return javac().withProcessors(new CheckingProcessor()).compile(files);
  }

  /**
   * Asserts that {@code members} compile with exactly one error: {@code diagnostic} formatted with
   * {@code args}, on the line of {@code Api.java} containing {@code line}.
   */
  static void assertOnlyError(String members, String line, Diagnostic diagnostic, Object... args) {
    assertOnlyError(!BEYOND_RETROFIT.contains(diagnostic), members, line, diagnostic, args);
  }

  /**
   * As {@link #assertOnlyError(String, String, Diagnostic, Object...)}, and asserts that the real
   * Retrofit rejects the method too ({@code retrofitRejects}) or accepts it.
   */
  static void assertOnlyError(
      boolean retrofitRejects, String members, String line, Diagnostic diagnostic, Object... args) {
    JavaFileObject file = api(members);
    Compilation compilation = compile(file);
    String message = diagnostic.format(args);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation.errors().get(0).getMessage(null)).isEqualTo(message);
    Optional<String> retrofit = RetrofitProbe.verdicts("test.Api", file).values().stream()
        .flatMap(Optional::stream)
        .findFirst();
    assertWithMessage("Retrofit's own verdict")
        .that(retrofit.isPresent())
        .isEqualTo(retrofitRejects);
  }

  /** Asserts that {@code members} compile without any diagnostic at all. */
  static void assertValid(String members) {
    Compilation compilation = compile(api(members));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
