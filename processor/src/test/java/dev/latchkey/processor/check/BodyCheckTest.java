package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;

import dev.latchkey.processor.Diagnostic;
import org.junit.jupiter.api.Test;

class BodyCheckTest {
  @Test
  @Covers(Diagnostic.BODY_WITHOUT_BODY_METHOD)
  void bodyOnDelete() {
    assertOnlyError(
        """
          @DELETE("users")
          Call<Void> delete(
              @Body User user);
        """, "@Body User user", Diagnostic.BODY_WITHOUT_BODY_METHOD, "DELETE", "DELETE");
  }

  @Test
  @Covers(Diagnostic.BODY_WITH_ENCODING)
  void bodyOnFormMethod() {
    assertOnlyError(
        """
          @FormUrlEncoded
          @POST("users")
          Call<User> create(@Field("name") String name,
              @Body User user);
        """,
        "@Body User user",
        Diagnostic.BODY_WITH_ENCODING,
        "FormUrlEncoded",
        "Field",
        "FormUrlEncoded");
  }

  @Test
  @Covers(Diagnostic.BODY_DUPLICATE)
  void twoBodies() {
    assertOnlyError("""
          @POST("users")
          Call<User> create(@Body User user,
              @Body User other);
        """, "@Body User other", Diagnostic.BODY_DUPLICATE, "user");
  }
}
