package dev.latchkey.processor.check;

import static dev.latchkey.processor.check.Sources.assertOnlyError;

import dev.latchkey.processor.Diagnostic;
import org.junit.jupiter.api.Test;

class FormCheckTest {
  @Test
  @Covers(Diagnostic.FIELD_WITHOUT_FORM)
  void fieldWithoutForm() {
    assertOnlyError("""
          @POST("login")
          Call<User> login(
              @Field("user") String user);
        """, "@Field(\"user\")", Diagnostic.FIELD_WITHOUT_FORM, "Field");
  }

  @Test
  @Covers(Diagnostic.PART_WITHOUT_MULTIPART)
  void partMapWithoutMultipart() {
    assertOnlyError("""
          @POST("upload")
          Call<User> upload(
              @PartMap Map<String, RequestBody> parts);
        """, "@PartMap", Diagnostic.PART_WITHOUT_MULTIPART, "PartMap");
  }

  @Test
  @Covers(Diagnostic.FORM_AND_MULTIPART)
  void formAndMultipart() {
    assertOnlyError("""
          @FormUrlEncoded
          @Multipart
          @POST("upload")
          Call<User> upload(@Field("a") String a, @Part("b") RequestBody b);
        """, "@Multipart", Diagnostic.FORM_AND_MULTIPART);
  }

  @Test
  @Covers(Diagnostic.ENCODING_WITHOUT_BODY)
  void formOnGet() {
    assertOnlyError(
        """
          @FormUrlEncoded
          @GET("search")
          Call<User> search(@Field("q") String q);
        """, "@FormUrlEncoded", Diagnostic.ENCODING_WITHOUT_BODY, "FormUrlEncoded", "GET", "GET");
  }

  @Test
  @Covers(Diagnostic.FORM_WITHOUT_FIELDS)
  void formWithoutFields() {
    assertOnlyError("""
          @FormUrlEncoded
          @POST("search")
          Call<User> search(@Query("q") String q);
        """, "@FormUrlEncoded", Diagnostic.FORM_WITHOUT_FIELDS);
  }

  @Test
  @Covers(Diagnostic.MULTIPART_WITHOUT_PARTS)
  void multipartWithoutParts() {
    assertOnlyError("""
          @Multipart
          @PUT("files")
          Call<User> upload(@Header("X-Id") String id);
        """, "@Multipart", Diagnostic.MULTIPART_WITHOUT_PARTS);
  }

  @Test
  @Covers(Diagnostic.PART_NAME_MISSING)
  void unnamedPartOfRequestBody() {
    assertOnlyError("""
          @Multipart
          @POST("files")
          Call<User> upload(
              @Part RequestBody file);
        """, "@Part RequestBody file", Diagnostic.PART_NAME_MISSING, "RequestBody");
  }

  @Test
  @Covers(Diagnostic.PART_NAME_ON_MULTIPART_PART)
  void namedMultipartPart() {
    assertOnlyError("""
          @Multipart
          @POST("files")
          Call<User> upload(
              @Part("file") MultipartBody.Part file);
        """, "@Part(\"file\")", Diagnostic.PART_NAME_ON_MULTIPART_PART, "file");
  }

  @Test
  @Covers(Diagnostic.PART_MAP_OF_PARTS)
  void partMapOfParts() {
    assertOnlyError("""
          @Multipart
          @POST("files")
          Call<User> upload(
              @PartMap Map<String, MultipartBody.Part> files);
        """, "@PartMap", Diagnostic.PART_MAP_OF_PARTS);
  }
}
