package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;

import dev.latchkey.processor.Diagnostic;
import org.junit.jupiter.api.Test;

class HttpMethodCheckTest {
  @Test
  @Covers(Diagnostic.NO_HTTP_METHOD)
  void methodWithoutHttpAnnotation() {
    assertOnlyError("""
          @Headers("Accept: application/json")
          Call<User> user();
        """, "Call<User> user()", Diagnostic.NO_HTTP_METHOD, "user()");
  }

  @Test
  @Covers(Diagnostic.MULTIPLE_HTTP_METHODS)
  void twoHttpAnnotations() {
    assertOnlyError("""
          @GET("users")
          @POST("users")
          Call<User> users();
        """, "@POST", Diagnostic.MULTIPLE_HTTP_METHODS, "users()", "GET", "POST");
  }

  @Test
  @Covers(Diagnostic.HTTP_METHOD_INVALID)
  void httpMethodWithSpace() {
    assertOnlyError("""
          @HTTP(path = "users",
              method = "GET ME")
          Call<User> users();
        """, "method = \"GET ME\"", Diagnostic.HTTP_METHOD_INVALID, "GET ME");
  }

  @Test
  @Covers(Diagnostic.HEAD_NOT_VOID)
  void headWithBody() {
    assertOnlyError("""
          @HEAD("users")
          Call<User> users();
        """, "Call<User> users()", Diagnostic.HEAD_NOT_VOID, "Call<User>");
  }
}
