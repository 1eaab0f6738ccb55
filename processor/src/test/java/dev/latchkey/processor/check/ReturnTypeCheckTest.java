package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;

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
    assertOnlyError("""
          @GET("users")
          Call<Response<List<User>>> users();
        """, "users()", Diagnostic.RETURN_RESPONSE_TWICE,
        "Call<Response<List<User>>>", "Call<List<User>>");
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
}
