package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;

import dev.latchkey.processor.Diagnostic;
import org.junit.jupiter.api.Test;

class UrlCheckTest {
  @Test
  @Covers(Diagnostic.MISSING_URL)
  void noUrlAnywhere() {
    assertOnlyError("""
          @GET
          Call<User> users();
        """, "@GET", Diagnostic.MISSING_URL, "GET", "GET");
  }

  @Test
  @Covers(Diagnostic.QUERY_STRING_PLACEHOLDER)
  void placeholderInQueryString() {
    assertOnlyError("""
          @GET(
              "users?sort={order}")
          Call<User> users();
        """, "users?sort", Diagnostic.QUERY_STRING_PLACEHOLDER, "sort={order}");
  }

  @Test
  @Covers(Diagnostic.URL_SCHEME)
  void colonReadAsScheme() {
    assertOnlyError("""
          @POST(
              "users:search")
          Call<User> search(@Body User query);
        """, "users:search", Diagnostic.URL_SCHEME, "users:search", "users");
  }

  @Test
  @Covers(Diagnostic.URL_NO_HOST)
  void absoluteUrlWithoutHost() {
    assertOnlyError("""
          @GET(
              "https:///users")
          Call<User> users();
        """, "https:///users", Diagnostic.URL_NO_HOST, "https:///users");
  }

  @Test
  @Covers(Diagnostic.URL_PARAM_DUPLICATE)
  void twoUrlParameters() {
    assertOnlyError("""
          @GET
          Call<User> user(@Url String first,
              @Url String second);
        """, "@Url String second", Diagnostic.URL_PARAM_DUPLICATE, "first");
  }

  @Test
  @Covers(Diagnostic.URL_PARAM_AFTER_QUERY)
  void urlAfterQuery() {
    assertOnlyError("""
          @GET
          Call<User> user(@Query("q") String q,
              @Url String url);
        """, "@Url String url", Diagnostic.URL_PARAM_AFTER_QUERY, "url", "Query", "q");
  }

  @Test
  @Covers(Diagnostic.URL_PARAM_WITH_RELATIVE_URL)
  void urlWithRelativeUrl() {
    assertOnlyError(
        """
          @GET("users")
          Call<User> user(
              @Url String url);
        """, "@Url String url", Diagnostic.URL_PARAM_WITH_RELATIVE_URL, "GET", "users", "GET");
  }

  @Test
  @Covers(Diagnostic.URL_PARAM_TYPE)
  void urlOfWrongType() {
    assertOnlyError("""
          @GET
          Call<User> user(
              @Url java.net.URL url);
        """, "@Url java.net.URL url", Diagnostic.URL_PARAM_TYPE, "URL");
  }
}
