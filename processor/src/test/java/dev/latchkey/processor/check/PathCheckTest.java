package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;

import dev.latchkey.processor.Diagnostic;
import org.junit.jupiter.api.Test;

class PathCheckTest {
  @Test
  @Covers(Diagnostic.PATH_NOT_IN_URL)
  void pathWithoutPlaceholder() {
    assertOnlyError("""
          @GET("users")
          Call<User> user(
              @Path("id") String id);
        """, "@Path(\"id\")", Diagnostic.PATH_NOT_IN_URL, "id", "id", "users", "id");
  }

  @Test
  @Covers(Diagnostic.PATH_NOT_IN_URL_DID_YOU_MEAN)
  void misspelledPlaceholderIsReportedOnceWithSuggestion() {
    assertOnlyError(
        """
          @GET("users/{userId}/orders/{orderId}")
          Call<User> order(@Path("orderId") long order,
              @Path("usrId") String user);
        """,
        "@Path(\"usrId\")",
        Diagnostic.PATH_NOT_IN_URL_DID_YOU_MEAN,
        "usrId",
        "usrId",
        "users/{userId}/orders/{orderId}",
        "userId");
  }

  @Test
  @Covers(Diagnostic.PLACEHOLDER_WITHOUT_PATH)
  void placeholderWithoutPath() {
    assertOnlyError("""
          @GET(
              "users/{id}")
          Call<User> user();
        """, "users/{id}", Diagnostic.PLACEHOLDER_WITHOUT_PATH, "id", "id");
  }

  @Test
  @Covers(Diagnostic.PATH_NAME_INVALID)
  void pathNameStartingWithDigit() {
    assertOnlyError("""
          @GET("users/{1id}")
          Call<User> user(
              @Path("1id") String id);
        """, "@Path(\"1id\")", Diagnostic.PATH_NAME_INVALID, "1id");
  }

  @Test
  @Covers(Diagnostic.PATH_DUPLICATE)
  void samePathTwice() {
    assertOnlyError("""
          @GET("users/{id}")
          Call<User> user(@Path("id") String id,
              @Path("id") String again);
        """, "String again", Diagnostic.PATH_DUPLICATE, "id", "id");
  }

  @Test
  @Covers(Diagnostic.PATH_WITH_URL)
  void pathWithUrl() {
    assertOnlyError("""
          @GET
          Call<User> user(@Url String url,
              @Path("id") String id);
        """, "@Path(\"id\")", Diagnostic.PATH_WITH_URL);
  }

  @Test
  @Covers(Diagnostic.PATH_AFTER_QUERY)
  void pathAfterQuery() {
    assertOnlyError("""
          @GET("users/{id}")
          Call<User> user(@Query("fields") String fields,
              @Path("id") String id);
        """, "@Path(\"id\")", Diagnostic.PATH_AFTER_QUERY, "id", "Query", "fields");
  }
}
