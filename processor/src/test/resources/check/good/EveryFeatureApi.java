package test.good;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.HTTP;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.HeaderMap;
import retrofit2.http.Multipart;
import retrofit2.http.OPTIONS;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Part;
import retrofit2.http.PartMap;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.QueryName;
import retrofit2.http.Streaming;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/** Every Retrofit feature the generated client supports; must compile with no diagnostic. */
interface EveryFeatureApi {
  // ---- every HTTP method annotation ----
  @GET("users/{id}")
  Call<User> get(@Path("id") long id);

  @POST("users")
  Call<User> post(@Body User user);

  @PUT("users/{id}")
  Call<User> put(@Path("id") long id, @Body User user);

  @PATCH("users/{id}")
  Call<User> patch(@Path("id") long id, @Body Map<String, Object> changes);

  @DELETE("users/{id}")
  Call<Void> delete(@Path("id") long id);

  @HEAD("users/{id}")
  Call<Void> head(@Path("id") long id);

  @OPTIONS("users")
  Call<ResponseBody> options();

  @HTTP(method = "DELETE", path = "users/{id}", hasBody = true)
  Call<Void> deleteWithBody(@Path("id") long id, @Body User reason);

  @HTTP(method = "PROPFIND", path = "dav/{folder}")
  Call<ResponseBody> propfind(@Path(value = "folder", encoded = true) String folder);

  // ---- URLs ----
  @GET("users/{id}/orders/{order-id}/lines/{line_no}?expand=all")
  Call<List<User>> placeholders(
      @Path("id") String id, @Path("order-id") String orderId, @Path("line_no") int line,
      @Query("page") int page);

  @GET("users/{id}/friends/{id}")
  Call<List<User>> placeholderTwice(@Path("id") String id);

  @GET("https://api.example.com/v2/users")
  Call<List<User>> absolute();

  @GET("/root/users?")
  Call<List<User>> rootRelativeWithEmptyQuery();

  @GET
  Call<ResponseBody> byUrl(@Url String url, @Query("page") int page);

  @GET
  Call<ResponseBody> byUri(@Url URI url);

  @GET
  Call<ResponseBody> byHttpUrl(@Url HttpUrl url);

  @GET("./users:search")
  Call<ResponseBody> colonInPath();

  // ---- query ----
  @GET("search")
  Call<List<User>> query(
      @Query("q") String q,
      @Query(value = "tag", encoded = true) List<String> tags,
      @Query("id") long[] ids,
      @QueryName String flag,
      @QueryName Set<String> flags,
      @QueryMap Map<String, String> filters,
      @QueryMap(encoded = true) HashMap<String, Integer> counts);

  // ---- headers ----
  @Headers({"Accept: application/json", "X-Client: latchkey/1.0",
      "Content-Type: application/json; charset=utf-8", "X-Empty:  "})
  @POST("users")
  Call<User> headers(
      @Header("X-Request-Id") String requestId,
      @Header("X-Tags") List<String> tags,
      @HeaderMap Map<String, String> more,
      @HeaderMap okhttp3.Headers okHeaders,
      @Body User user);

  @Headers("Cache-Control: no-cache")
  @GET("users")
  Call<List<User>> singleHeader();

  // ---- form ----
  @FormUrlEncoded
  @POST("login")
  Call<User> form(
      @Field("user") String user,
      @Field(value = "scope", encoded = true) List<String> scopes,
      @FieldMap Map<String, String> extra);

  @FormUrlEncoded
  @PUT("prefs")
  Call<Void> fieldMapOnly(@FieldMap(encoded = true) Map<String, Object> prefs);

  // ---- multipart ----
  @Multipart
  @POST("files")
  Call<User> multipart(
      @Part("description") RequestBody description,
      @Part("meta") User meta,
      @Part MultipartBody.Part file,
      @Part List<MultipartBody.Part> more,
      @Part MultipartBody.Part[] evenMore,
      @Part(value = "notes", encoding = "8-bit") List<String> notes,
      @PartMap Map<String, RequestBody> parts);

  @Multipart
  @PATCH("files/{id}")
  Call<Void> partMapOnly(
      @Path("id") String id, @PartMap(encoding = "binary") Map<String, User> parts);

  // ---- tags and streaming ----
  @GET("users")
  Call<List<User>> tags(@Tag String traceId, @Tag User caller);

  @Streaming
  @GET("export")
  Call<ResponseBody> stream();

  // ---- every return shape ----
  @GET("users")
  Response<List<User>> response();

  @GET("users")
  CompletableFuture<List<User>> future();

  @GET("users")
  CompletableFuture<Response<List<User>>> futureResponse();

  @GET("users")
  List<User> plain();

  @GET("users/{id}")
  User plainUser(@Path("id") long id);

  @GET("users/name")
  String plainString();

  @DELETE("users")
  Void plainVoid();

  @HEAD("users")
  Response<Void> headResponse();

  @HTTP(method = "HEAD", path = "users")
  CompletableFuture<Void> headFuture();

  @GET("users")
  Call<Map<String, List<User>>> nested();

  @GET("users")
  Call<User[]> array();

  // ---- not Retrofit calls: skipped ----
  default Call<User> me() {
    return get(0);
  }

  static String describe() {
    return "every feature";
  }
}

class User {}
