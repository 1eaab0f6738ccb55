package dev.latchkey.processor.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.latchkey.processor.Diagnostic;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Interfaces using every supported Retrofit feature compile with no diagnostic at all. */
class ValidCorpusTest {
  @Test
  void everyFeatureCompilesCleanly() {
    CheckingProcessor processor = new CheckingProcessor();
    Compilation compilation = javac()
        .withProcessors(processor)
        .compile(JavaFileObjects.forResource("check/good/EveryFeatureApi.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(processor.invalid).isEmpty();
    // The checks really ran on the abstract methods, and passed default/static ones untouched.
    assertThat(processor.valid)
        .containsAtLeast(
            "get",
            "post",
            "put",
            "patch",
            "delete",
            "head",
            "options",
            "deleteWithBody",
            "propfind",
            "byUrl",
            "query",
            "headers",
            "form",
            "multipart",
            "tags",
            "stream",
            "response",
            "future",
            "futureResponse",
            "plain",
            "plainVoid",
            "headFuture",
            "me",
            "describe");
    assertThat(processor.valid).hasSize(39);
  }

  @Test
  void retrofitAcceptsEveryMethodOfTheCorpus() {
    Map<String, Optional<String>> verdicts = RetrofitProbe.verdicts(
        "test.good.EveryFeatureApi",
        JavaFileObjects.forResource("check/good/EveryFeatureApi.java"));

    assertThat(verdicts).hasSize(37);
    verdicts.forEach((method, error) ->
        assertWithMessage(method).that(error.orElse("accepted")).isEqualTo("accepted"));
  }

  @Test
  void inheritedMethodsAreChecked() {
    JavaFileObject base = JavaFileObjects.forSourceString("test.Base", """
        package test;
        import retrofit2.Call;
        import retrofit2.http.*;
        interface Base {
          @GET("ping") Call<String> ping();
        }
        """);
    JavaFileObject users = JavaFileObjects.forSourceString("test.Users", """
        package test;
        import retrofit2.Call;
        import retrofit2.http.*;
        interface Users extends Base {
          @GET("users/{id}") Call<String> find(@Path("id") long id);
        }
        """);
    CheckingProcessor processor =
        new CheckingProcessor(iface -> iface.getSimpleName().contentEquals("Users"));

    Compilation compilation = javac().withProcessors(processor).compile(base, users);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(processor.valid).containsExactly("find", "ping");
  }

  @Test
  void methodInheritedFromAGenericInterfaceIsCheckedAsDeclared() {
    // Retrofit reflects Call<T> here, whatever the subinterface binds T to.
    JavaFileObject crud = JavaFileObjects.forSourceString("test.Crud", """
        package test;
        import retrofit2.Call;
        import retrofit2.http.*;
        interface Crud<T> {
          @GET("items/{id}") Call<T> find(@Path("id") long id);
        }
        """);
    JavaFileObject users = JavaFileObjects.forSourceString("test.Users", """
        package test;
        interface Users extends Crud<String> {}
        """);
    CheckingProcessor processor =
        new CheckingProcessor(iface -> iface.getSimpleName().contentEquals("Users"));

    Compilation compilation = javac().withProcessors(processor).compile(crud, users);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Diagnostic.RETURN_UNRESOLVABLE.format("Call<T>"))
        .inFile(crud)
        .onLineContaining("Call<T> find");
    assertThat(processor.invalid).containsExactly("find");
  }

  @Test
  void genericInterfaceMethodsAreRejectedWhenCheckedAsDeclared() {
    JavaFileObject crud = JavaFileObjects.forSourceString("test.Crud", """
        package test;
        import retrofit2.Call;
        import retrofit2.http.*;
        interface Crud<T> {
          @GET("items/{id}") Call<T> find(@Path("id") long id);
        }
        """);
    CheckingProcessor processor = new CheckingProcessor();

    Compilation compilation = javac().withProcessors(processor).compile(crud);

    assertThat(compilation).hadErrorCount(1);
    assertThat(processor.invalid).containsExactly("find");
  }
}
