package dev.latchkey.processor.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.latchkey.processor.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The entry point: every problem of a method at once, no cascades, a verdict per method. */
class MethodChecksTest {
  @Test
  void reportsEveryIndependentProblemOfOneMethod() {
    JavaFileObject file = Sources.api("""
          @GET("users/{id}")
          void user(
              String id);
        """);
    CheckingProcessor processor = new CheckingProcessor();

    Compilation compilation = javac().withProcessors(processor).compile(file);

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(Diagnostic.PLACEHOLDER_WITHOUT_PATH.code())
        .inFile(file)
        .onLineContaining("@GET");
    assertThat(compilation)
        .hadErrorContaining(Diagnostic.RETURN_VOID.code())
        .inFile(file)
        .onLineContaining("void user(");
    assertThat(compilation)
        .hadErrorContaining(Diagnostic.PARAM_NOT_ANNOTATED.code())
        .inFile(file)
        .onLineContaining("String id");
    assertThat(processor.invalid).containsExactly("user");
  }

  @Test
  void judgesEachMethodOnItsOwn() {
    CheckingProcessor processor = new CheckingProcessor();

    Compilation compilation = javac().withProcessors(processor).compile(Sources.api("""
          @GET("users") Call<User> good();
          @GET("users") void bad();
          @GET("users/{id}") Call<User> alsoGood(@Path("id") long id);
        """));

    assertThat(compilation).hadErrorCount(1);
    assertThat(processor.valid).containsExactly("good", "alsoGood");
    assertThat(processor.invalid).containsExactly("bad");
  }

  @Test
  void pathWithoutAnyUrlReportsOnlyTheMissingUrl() {
    Sources.assertOnlyError("""
          @GET
          Call<User> user(@Path("id") String id);
        """, "@GET", Diagnostic.MISSING_URL, "GET", "GET");
  }

  @Test
  void bothEncodingsOnGetDoNotAlsoAskForFieldsOrParts() {
    Compilation compilation = Sources.compile(Sources.api("""
          @FormUrlEncoded
          @Multipart
          @GET("users")
          Call<User> users();
        """));

    // One "pick one encoding" and one "no body" per encoding; no "add a @Field".
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining(Diagnostic.FORM_AND_MULTIPART.code());
  }

  @Test
  void reportsEveryBadHeaderOfOneAnnotation() {
    JavaFileObject file = Sources.api("""
          @Headers({
              "Accept",
              "X Trace: on",
              "Accept: application/json"})
          @GET("users")
          Call<User> users();
        """);

    Compilation compilation = Sources.compile(file);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Diagnostic.HEADER_FORMAT.code())
        .inFile(file)
        .onLineContaining("\"Accept\",");
    assertThat(compilation)
        .hadErrorContaining(Diagnostic.HEADER_NAME_INVALID.code())
        .inFile(file)
        .onLineContaining("X Trace");
  }
}
