package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;
import static dev.latchkey.processor.check.Sources.assertValid;

import dev.latchkey.processor.Diagnostic;
import org.junit.jupiter.api.Test;

class ReturnTypeCheckTest {
  @Test
  @Covers(Diagnostic.RETURN_VOID)
  void voidMethod() {
    assertOnlyError("""
          @DELETE("users/1")
          void delete();
        """, "void delete()", Diagnostic.RETURN_VOID, "delete()");
  }

  @Test
  @Covers(Diagnostic.RETURN_PRIMITIVE)
  void primitiveReturn() {
    assertOnlyError("""
          @GET("users/count")
          int count();
        """, "int count()", Diagnostic.RETURN_PRIMITIVE, "int", "Integer");
  }

  @Test
  @Covers(Diagnostic.RETURN_RAW)
  void rawCall() {
    assertOnlyError("""
          @GET("users")
          @SuppressWarnings("rawtypes")
          Call users();
        """, "Call users()", Diagnostic.RETURN_RAW, "Call", "Call");
  }

  @Test
  @Covers(Diagnostic.RETURN_RESPONSE_TWICE)
  void responseInsideCall() {
    assertOnlyError(
        """
          @GET("users")
          Call<Response<List<User>>> users();
        """,
        "users()",
        Diagnostic.RETURN_RESPONSE_TWICE,
        "Call<Response<List<User>>>",
        "Call<List<User>>");
  }

  @Test
  @Covers(Diagnostic.RETURN_UNRESOLVABLE)
  void wildcardInReturnType() {
    assertOnlyError("""
          @GET("users")
          Call<? extends User> users();
        """, "users()", Diagnostic.RETURN_UNRESOLVABLE, "Call<? extends User>");
  }

  @Test
  void typeVariableInReturnType() {
    assertOnlyError("""
          @GET("users")
          <T> Call<T> users();
        """, "users()", Diagnostic.RETURN_UNRESOLVABLE, "Call<T>");
  }

  @Test
  @Covers(Diagnostic.RETURN_OKHTTP_RESPONSE)
  void okhttpResponseAsBody() {
    assertOnlyError("""
          @GET("users")
          Call<okhttp3.Response> users();
        """, "users()", Diagnostic.RETURN_OKHTTP_RESPONSE, "Call<Response>");
  }

  @Test
  @Covers(Diagnostic.RETURN_UNSUPPORTED)
  void callInsideFuture() {
    assertOnlyError("""
          @GET("users")
          CompletableFuture<Call<User>> users();
        """, "users()", Diagnostic.RETURN_UNSUPPORTED, "CompletableFuture<Call<User>>");
  }

  @Test
  @Covers(Diagnostic.RETURN_NEEDS_ADAPTER)
  void optionalNeedsADeclaredAdapter() {
    // Before issue 15 the direct-return adapter took Optional<User> for a body type.
    assertOnlyError(
        """
          @GET("users/1")
          java.util.Optional<User> user();
        """,
        "Optional<User> user()",
        Diagnostic.RETURN_NEEDS_ADAPTER,
        "Optional<User>",
        "Optional",
        "an adapter for Optional (or return Call<Optional<T>>, Response<T> or a plain T)",
        "Optional");
  }

  @Test
  void rxJavaSingleNamesTheAdapterArtifact() {
    assertOnlyError(
        """
          @GET("users/1")
          io.reactivex.rxjava3.core.Single<User> user();
        """,
        "Single<User> user()",
        Diagnostic.RETURN_NEEDS_ADAPTER,
        "Single<User>",
        "Single",
        "com.squareup.retrofit2:adapter-rxjava3",
        "Single");
  }

  @Test
  void kotlinSuspendFunctionsAreValid() {
    // How kapt presents `suspend fun users(): List<User>` and `suspend fun me(): Response<User>`.
    assertValid("""
          @GET("users")
          Object users(@Query("q") String q, kotlin.coroutines.Continuation<? super List<User>> c);

          @GET("me")
          Object me(kotlin.coroutines.Continuation<? super Response<User>> c);
        """);
  }

  @Test
  void aSuspendFunctionReturningACallIsUnsupported() {
    assertOnlyError(true, """
          @GET("users")
          Object users(kotlin.coroutines.Continuation<? super Call<User>> c);
        """, "users(", Diagnostic.RETURN_UNSUPPORTED, "suspend Call<User>");
  }

  @Test
  void aSuspendFunctionStillHasItsParametersChecked() {
    assertOnlyError("""
          @GET("users")
          Object users(String q, kotlin.coroutines.Continuation<? super User> c);
        """, "String q", Diagnostic.PARAM_NOT_ANNOTATED, "q");
  }
}
