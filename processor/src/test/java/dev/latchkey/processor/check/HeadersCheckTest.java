package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;

import dev.latchkey.processor.Diagnostic;
import org.junit.jupiter.api.Test;

class HeadersCheckTest {
  @Test
  @Covers(Diagnostic.HEADERS_EMPTY)
  void emptyHeaders() {
    assertOnlyError("""
          @Headers({})
          @GET("users")
          Call<User> users();
        """, "@Headers({})", Diagnostic.HEADERS_EMPTY);
  }

  @Test
  @Covers(Diagnostic.HEADER_FORMAT)
  void headerWithoutValue() {
    assertOnlyError("""
          @Headers({"Accept: application/json",
              "X-Trace"})
          @GET("users")
          Call<User> users();
        """, "\"X-Trace\"", Diagnostic.HEADER_FORMAT, "X-Trace");
  }

  @Test
  @Covers(Diagnostic.HEADER_NAME_INVALID)
  void headerNameWithSpace() {
    assertOnlyError("""
          @Headers({"Accept: application/json",
              "X Trace: on"})
          @GET("users")
          Call<User> users();
        """, "X Trace: on", Diagnostic.HEADER_NAME_INVALID, "X Trace");
  }

  @Test
  void headerParameterNameWithColon() {
    // Retrofit only notices when OkHttp adds the header to the first request.
    assertOnlyError(
        false, """
          @GET("users")
          Call<User> users(
              @Header("X-Trace:") String trace);
        """, "@Header(\"X-Trace:\")", Diagnostic.HEADER_NAME_INVALID, "X-Trace:");
  }

  @Test
  @Covers(Diagnostic.HEADER_VALUE_INVALID)
  void nonAsciiHeaderValue() {
    assertOnlyError("""
          @Headers(
              "X-Owner: Zo\u00eb")
          @GET("users")
          Call<User> users();
        """, "X-Owner", Diagnostic.HEADER_VALUE_INVALID, "X-Owner", "U+00EB");
  }

  @Test
  void nonAsciiHeaderValueAllowedWhenAskedFor() {
    Sources.assertValid("""
          @Headers(value = "X-Owner: Zo\u00eb", allowUnsafeNonAsciiValues = true)
          @GET("users")
          Call<User> users();
        """);
  }

  @Test
  @Covers(Diagnostic.CONTENT_TYPE_INVALID)
  void contentTypeWithoutSubtype() {
    assertOnlyError("""
          @Headers(
              "Content-Type: json")
          @POST("users")
          Call<User> create(@Body User user);
        """, "Content-Type: json", Diagnostic.CONTENT_TYPE_INVALID, "json");
  }

  @Test
  @Covers(Diagnostic.HEADER_NAME_EMPTY)
  void headerParameterWithoutName() {
    assertOnlyError("""
          @GET("users")
          Call<User> users(
              @Header("") String trace);
        """, "@Header(\"\")", Diagnostic.HEADER_NAME_EMPTY);
  }
}
