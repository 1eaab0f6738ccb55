package dev.latchkey.processor.check;

import java.util.List;
import java.util.Set;

/** Qualified names of the Retrofit and OkHttp types the checks recognise, read by name only. */
final class RetrofitNames {
  static final String HTTP_PACKAGE = "retrofit2.http.";

  static final String HTTP = "retrofit2.http.HTTP";
  /** Annotations that name the HTTP method; {@code HTTP} is handled apart (method + hasBody). */
  static final List<String> VERBS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  /** Verbs whose annotation implies a request body (RequestFactory.parseMethodAnnotation). */
  static final Set<String> VERBS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

  static final String HEADERS = "retrofit2.http.Headers";
  static final String FORM_URL_ENCODED = "retrofit2.http.FormUrlEncoded";
  static final String MULTIPART = "retrofit2.http.Multipart";

  // Parameter annotations, by simple name (they all live in retrofit2.http).
  static final String URL = "Url";
  static final String PATH = "Path";
  static final String QUERY = "Query";
  static final String QUERY_NAME = "QueryName";
  static final String QUERY_MAP = "QueryMap";
  static final String HEADER = "Header";
  static final String HEADER_MAP = "HeaderMap";
  static final String FIELD = "Field";
  static final String FIELD_MAP = "FieldMap";
  static final String PART = "Part";
  static final String PART_MAP = "PartMap";
  static final String BODY = "Body";
  static final String TAG = "Tag";
  static final Set<String> PARAMETER_ANNOTATIONS = Set.of(
      URL,
      PATH,
      QUERY,
      QUERY_NAME,
      QUERY_MAP,
      HEADER,
      HEADER_MAP,
      FIELD,
      FIELD_MAP,
      PART,
      PART_MAP,
      BODY,
      TAG);
  /** Parameters that add to the query string; @Path and @Url must come before them. */
  static final Set<String> QUERY_KINDS = Set.of(QUERY, QUERY_NAME, QUERY_MAP);

  static final String CALL = "retrofit2.Call";
  static final String RESPONSE = "retrofit2.Response";
  static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  static final String OKHTTP_RESPONSE = "okhttp3.Response";
  static final String OKHTTP_HEADERS = "okhttp3.Headers";
  static final String MULTIPART_PART = "okhttp3.MultipartBody.Part";
  /** The types Retrofit accepts for {@code @Url} (RequestFactory.parseParameterAnnotation). */
  static final Set<String> URL_TYPES =
      Set.of("java.lang.String", "java.net.URI", "okhttp3.HttpUrl", "android.net.Uri");

  private RetrofitNames() {}
}
