package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;

import dev.latchkey.processor.Diagnostic;
import org.junit.jupiter.api.Test;

class ParameterCheckTest {
  @Test
  @Covers(Diagnostic.PARAM_NOT_ANNOTATED)
  void parameterWithoutAnnotation() {
    assertOnlyError("""
          @GET("users")
          Call<User> users(@Query("page") int page,
              String filter);
        """, "String filter", Diagnostic.PARAM_NOT_ANNOTATED, "filter");
  }

  @Test
  @Covers(Diagnostic.PARAM_MULTIPLE_ANNOTATIONS)
  void parameterWithTwoAnnotations() {
    assertOnlyError(
        """
          @GET("users")
          Call<User> users(
              @Query("page") @Header("X-Page") int page);
        """,
        "@Header(\"X-Page\")",
        Diagnostic.PARAM_MULTIPLE_ANNOTATIONS,
        "page",
        "@Query, @Header");
  }

  @Test
  @Covers(Diagnostic.PARAM_UNRESOLVABLE)
  void wildcardMap() {
    assertOnlyError("""
          @GET("users")
          Call<User> users(
              @QueryMap Map<String, ?> filters);
        """, "@QueryMap", Diagnostic.PARAM_UNRESOLVABLE, "Map<String,?>");
  }

  @Test
  @Covers(Diagnostic.MAP_TYPE)
  void queryMapWithIntegerKeys() {
    assertOnlyError("""
          @GET("users")
          Call<User> users(
              @QueryMap Map<Integer, String> filters);
        """, "@QueryMap", Diagnostic.MAP_TYPE, "QueryMap", "Map<Integer,String>");
  }

  @Test
  @Covers(Diagnostic.HEADER_MAP_TYPE)
  void headerMapOfList() {
    assertOnlyError("""
          @GET("users")
          Call<User> users(
              @HeaderMap List<String> headers);
        """, "@HeaderMap", Diagnostic.HEADER_MAP_TYPE, "List<String>");
  }

  @Test
  @Covers(Diagnostic.RAW_ITERABLE)
  void rawListQuery() {
    assertOnlyError("""
          @GET("users")
          @SuppressWarnings("rawtypes")
          Call<User> users(
              @Query("id") List ids);
        """, "@Query(\"id\")", Diagnostic.RAW_ITERABLE, "List", "List");
  }

  @Test
  @Covers(Diagnostic.TAG_DUPLICATE)
  void twoTagsOfOneType() {
    assertOnlyError("""
          @GET("users")
          Call<User> users(@Tag String first,
              @Tag String second);
        """, "@Tag String second", Diagnostic.TAG_DUPLICATE, "String", "first");
  }
}
