package dev.latchkey.processor;

/**
 * Every message the processor can print, in one place. Each has a stable code ({@code [LK012]})
 * that users can search for, and says how to fix the problem, not only what it is.
 *
 * <p>Codes are never reused or renumbered. LK001-LK099: the interface and its auth annotation.
 * LK100-LK199: the Retrofit methods of the interface. LK900: the processor itself.
 */
public enum Diagnostic {
  // ---- LK001-LK099: the annotated interface and its auth annotation ------------------------

  // The interface itself (LK001-LK009).
  NOT_AN_INTERFACE(1, "@%s belongs on an interface, not on %s %s."),
  NOT_ACCESSIBLE(
      2,
      "%s must be a top-level or static nested interface that is public or package-private (and so"
          + " must every interface or class around it), so that the generated client can see it."),
  GENERIC_INTERFACE(
      3,
      "%s must not declare type parameters: a Retrofit proxy cannot be made for a generic"
          + " type."),
  SEVERAL_AUTH_ANNOTATIONS(4, "%s carries %s; put exactly one of them on it."),
  CLASHES_WITH_CLIENT(
      6,
      "%s() clashes with the generated client's own %s() (%s); rename the method and keep the"
          + " path in its HTTP annotation."),
  BAD_CALL_ADAPTER_FACTORY(
      7,
      "@CallAdapters factories entry %s must be a retrofit2.CallAdapter.Factory with a public"
          + " static create() method without arguments. Pass any other factory to the builder's"
          + " addCallAdapterFactory(..) and list its return types in @CallAdapters(wrappers = ..)."),
  XML_MODULE_MISSING(
      8,
      "@Xml needs com.fasterxml.jackson.dataformat:jackson-dataformat-xml on the class path (an"
          + " optional dependency of latchkey-runtime, which JSON-only users do not get). Add it to"
          + " your dependencies, or remove @Xml for JSON bodies."),
  GENERIC_SUPER_INTERFACE(
      5,
      "%s extends %s, which declares type parameters; Retrofit refuses to make a proxy of an"
          + " interface with a generic super-interface. Declare the methods with concrete types."),

  // Environments (LK010-LK019).
  ENVIRONMENT_NAME_BLANK(10, "@Environment name is blank; give a name such as \"production\"."),
  ENVIRONMENT_NAME_DUPLICATE(
      11, "@Environment name \"%s\" is declared twice; names must be unique."),
  ENVIRONMENT_URL_CHOICE(
      12,
      "@Environment \"%s\" must give exactly one of baseUrl (a literal URL) or baseUrlProperty (a"
          + " configuration key)."),
  ENVIRONMENT_BAD_URL(
      13,
      "@Environment \"%s\" baseUrl \"%s\" must be an absolute http:// or https:// URL ending in"
          + " '/', e.g. \"https://api.example.com/v1/\"."),

  // Values shared by every kind (LK020-LK029).
  BAD_DURATION(20, "%s = \"%s\" is not an ISO-8601 duration; write e.g. \"PT5M\" or \"PT30S\"."),
  DURATION_NOT_POSITIVE(21, "%s = \"%s\" must be longer than zero."),
  BAD_JSON_POINTER(22, "%s = \"%s\" is not a JSON pointer (RFC 6901): %s."),
  BAD_HTTP_NAME(
      23,
      "%s = \"%s\" is not a valid HTTP %s name: use letters, digits and !#$%%&'*+-.^_`|~ only (RFC"
          + " 9110 section 5.6.2)."),
  ABSOLUTE_PATH(
      24,
      "%s = \"%s\" must be relative to the base URL: drop the leading '/', or Retrofit would"
          + " drop the base URL's path."),
  BAD_STATUS(25, "%s contains %d, which is not an HTTP status (100-599)."),

  // @DigestAuth (LK030-LK039).
  NO_ALGORITHMS(30, "@DigestAuth algorithms is empty; list at least one, strongest first."),
  DUPLICATE_ALGORITHM(31, "@DigestAuth algorithms lists %s twice."),

  // @TokenLogin (LK040-LK059).
  HEADER_FORMAT_WITHOUT_TOKEN(
      40, "@TokenLogin headerFormat = \"%s\" must contain {token}, e.g. \"Bearer {token}\"."),
  TOKEN_CARRIER_CHOICE(
      41, "@TokenLogin must send the token in exactly one of header, cookie or query; %s."),
  BAD_LOGIN_LIMIT(
      42,
      "@TokenLogin loginLimit = \"%s\" must be COUNT/DURATION with COUNT at least 1, e.g."
          + " \"10/PT5M\"."),
  IDLE_LONGER_THAN_HARD(
      43,
      "@TokenLogin idleLifetime = \"%s\" is longer than hardLifetime = \"%s\"; the idle lifetime"
          + " would never apply."),
  NO_LOGIN(
      44,
      "@TokenLogin declares no way to log in: give path (password login) or jwt.path (JWT login)."),
  ERRORS_WITHOUT_POINTER(
      45, "@TokenLogin %s is set but %s is empty, so those codes could never be read."),
  TWO_TOKEN_SOURCES(
      46,
      "@TokenLogin takes the token from both %s and %s; give at most one of tokenPointer,"
          + " tokenHeader and tokenCookie (none: the whole answer is the token)."),
  FORM_FIELD_IS_POINTER(
      47,
      "@TokenLogin %s = \"%s\" is a JSON pointer, but loginBody = FORM takes a form field name;"
          + " write e.g. \"%s\"."),
  LOGOUT_PATH_WITHOUT_TOKEN(
      48,
      "@TokenLogin logoutPath = \"%s\" %s; write {token} where the token goes, e.g."
          + " \"mgmt/shared/authz/tokens/{token}\"."),
  BAD_LOGIN_FIELD(49, "@TokenLogin %s entry \"%s\" %s."),
  UNKNOWN_LOGIN_FIELD_SETTER(
      50,
      "@TokenLogin %s entry \"%s\" names setter \"%s\", which no @StaticHeader in headers"
          + " declares.%s"),
  NONE_WITHOUT_BASIC(
      51,
      "@TokenLogin loginBody = NONE sends no user name or password; set loginBasic = true, or"
          + " send them with JSON or FORM."),
  BAD_LOGOUT_METHOD(52, "@TokenLogin logoutMethod = \"%s\" %s."),
  CSRF_SOURCE_CHOICE(
      53,
      "@Csrf must read its value from exactly one of pointer, answerHeader or answerCookie and"
          + " send it in header; %s."),
  CREDENTIAL_FIELD_UNUSED(
      54,
      "@TokenLogin %s = \"%s\" is never used: with loginBasic = true the user name and password"
          + " travel as HTTP Basic. Remove it."),

  // @HeaderAuth (LK060-LK079).
  NO_HEADERS(
      60,
      "@HeaderAuth declares nothing that authenticates: no headers, basic = false and no session;"
          + " declare a @StaticHeader (an API key), allow basic or declare a @Session."),
  DUPLICATE_HEADER(61, "@HeaderAuth declares header \"%s\" twice (header names ignore case)."),
  BAD_SETTER(
      62, "@StaticHeader setter = \"%s\" is not a Java identifier; use a name like \"apiKey\"."),
  DUPLICATE_SETTER(63, "@HeaderAuth declares setter \"%s\" twice."),
  RESERVED_SETTER(
      64,
      "@StaticHeader setter = \"%s\" clashes with a method the generated builder already has;"
          + " choose another name, e.g. \"%s\"."),
  SESSION_WITHOUT_KEY_HEADER(
      65, "@Session path = \"%s\" needs keyHeader: the header that carries the session key."),
  BAD_BODY_FIELD(66, "@Session bodyFields entry \"%s\" must look like \"/pointer={setter}\"."),
  UNKNOWN_BODY_FIELD_SETTER(
      67,
      "@Session bodyFields entry \"%s\" names setter \"%s\", which no @StaticHeader"
          + " declares.%s"),
  // LK068 retired (issue 18): basic = false without a session is a valid headers-only client,
  // and the case with no headers at all is LK060.
  FORMAT_WITHOUT_VALUE(
      69, "@StaticHeader format = \"%s\" must contain {value}, e.g. \"Bearer {value}\"."),
  STATIC_HEADER_VALUE_CHOICE(
      70,
      "@StaticHeader \"%s\" must give exactly one of setter (set on the builder) or value (fixed);"
          + " %s."),

  // @PinCertificates (LK080-LK089), on any auth kind.
  PIN_NO_PREFIX(
      80,
      "@PinCertificates pin \"%s\" must start with \"sha256/\" followed by the base64 SPKI"
          + " hash."),
  PIN_BAD_BASE64(
      81,
      "@PinCertificates pin \"%s\" is not strict base64 after \"sha256/\" (A-Z a-z 0-9 + /,"
          + " padded with '=' to a multiple of 4)."),
  PIN_WRONG_LENGTH(
      82, "@PinCertificates pin \"%s\" decodes to %d bytes; a SHA-256 hash is 32 bytes."),
  PINS_EMPTY(
      83, "@PinCertificates host = \"%s\" has no pins; give at least one \"sha256/...\" pin."),
  PIN_BAD_HOST(
      84,
      "@PinCertificates host = \"%s\" is not a host pattern: %s. Write \"example.com\","
          + " \"*.example.com\" or \"**.example.com\"."),
  PIN_HOST_DUPLICATE(
      85, "@PinCertificates host = \"%s\" is declared twice; put all its pins in one annotation."),

  // ---- LK100-LK199: Retrofit methods -------------------------------------------------------

  // (added by the method checkers)
  // Written by dev.latchkey.processor.check; each mirrors a rule Retrofit enforces at run time
  // (RequestFactory, HttpServiceMethod) or a shape the generated client cannot call.

  /** A method with none of Retrofit's HTTP method annotations. */
  NO_HTTP_METHOD(
      100,
      "%s has no HTTP method annotation. Add one of @GET, @POST, @PUT, @DELETE,"
          + " @PATCH, @HEAD, @OPTIONS or @HTTP"),
  /** Two HTTP method annotations on one method. */
  MULTIPLE_HTTP_METHODS(
      101,
      "Only one HTTP method annotation is allowed, but %s has @%s and @%s."
          + " Remove one of them"),
  /** {@code @HTTP(method = ...)} that is not an HTTP token. */
  HTTP_METHOD_INVALID(
      102,
      "@HTTP method \"%s\" is not a valid HTTP method. Use a token such as"
          + " \"DELETE\" or \"PROPFIND\""),
  /** {@code @HEAD} with a body type other than Void. */
  HEAD_NOT_VOID(
      103,
      "@HEAD responses have no body, so %s cannot be the return type. Use Void as the"
          + " body type, e.g. Call<Void>"),
  /** No relative URL in the method annotation and no {@code @Url} parameter. */
  MISSING_URL(
      104,
      "@%s has no URL and no parameter is annotated @Url. Add a path, e.g."
          + " @%s(\"users/{id}\"), or a @Url parameter"),
  /** {@code {placeholder}} in the query part of the URL (Retrofit: use @Query). */
  QUERY_STRING_PLACEHOLDER(
      105,
      "The query string \"%s\" must not contain {placeholders}. Remove it"
          + " from the URL and add a @Query parameter instead"),
  /** A URL whose scheme is not http or https (also "users:search", which reads as a scheme). */
  URL_SCHEME(
      106,
      "URL \"%s\" starts with the scheme \"%s:\", but only http and https work. Use an"
          + " http(s) URL, or a relative path (prefix it with \"./\" if it must contain ':')"),
  /** An absolute URL without a host. */
  URL_NO_HOST(
      107,
      "Absolute URL \"%s\" has no host. Write it as http(s)://host/path, or use a"
          + " relative path"),
  /** A {@code @Path} whose name is not a placeholder of the URL. */
  PATH_NOT_IN_URL(
      108,
      "@Path(\"%s\") has no {%s} placeholder in the URL \"%s\". Add {%s} to the"
          + " URL, or remove this parameter"),
  /** Same as PATH_NOT_IN_URL, with a close placeholder to suggest. */
  PATH_NOT_IN_URL_DID_YOU_MEAN(
      109,
      "@Path(\"%s\") has no {%s} placeholder in the URL \"%s\". Did"
          + " you mean \"%s\"? Make the @Path name and the URL placeholder match"),
  /** A URL placeholder that no {@code @Path} parameter fills. */
  PLACEHOLDER_WITHOUT_PATH(
      110,
      "The URL placeholder {%s} is never filled. Add a parameter"
          + " annotated @Path(\"%s\"), or remove the placeholder from the URL"),
  /** A {@code @Path} name that Retrofit's placeholder pattern does not accept. */
  PATH_NAME_INVALID(
      111,
      "@Path name \"%s\" is not a valid placeholder name. Use a letter followed by"
          + " letters, digits, '_' or '-' ([a-zA-Z][a-zA-Z0-9_-]*)"),
  /** Two {@code @Path} parameters with the same name. */
  PATH_DUPLICATE(112, "@Path(\"%s\") is already filled by parameter '%s'. Remove one of them"),
  /** {@code @Path} together with {@code @Url}. */
  PATH_WITH_URL(
      113,
      "@Path cannot be used with @Url: the @Url parameter replaces the whole URL."
          + " Remove @Path, or build the full URL yourself"),
  /** {@code @Path} after a query parameter. */
  PATH_AFTER_QUERY(
      114,
      "@Path parameter '%s' comes after the @%s parameter '%s'. Move @Path"
          + " parameters before @Query, @QueryName and @QueryMap parameters"),
  /** Two {@code @Url} parameters. */
  URL_PARAM_DUPLICATE(
      115, "Only one @Url parameter is allowed, and '%s' already is one. Remove" + " this @Url"),
  /** {@code @Url} after a query parameter. */
  URL_PARAM_AFTER_QUERY(
      116,
      "@Url parameter '%s' comes after the @%s parameter '%s'. Move the @Url"
          + " parameter before it"),
  /** {@code @Url} while the method annotation already has a URL. */
  URL_PARAM_WITH_RELATIVE_URL(
      117,
      "@Url cannot be used when @%s already has the URL \"%s\". Write"
          + " @%s without a URL, or remove the @Url parameter"),
  /** {@code @Url} of an unsupported type. */
  URL_PARAM_TYPE(
      118,
      "@Url parameter type %s is not supported. Use String, java.net.URI,"
          + " okhttp3.HttpUrl or android.net.Uri"),
  /** {@code @Body} on a method that sends no body. */
  BODY_WITHOUT_BODY_METHOD(
      119,
      "@Body cannot be used with @%s, which sends no request body. Use"
          + " @POST, @PUT, @PATCH or @HTTP(method = \"%s\", path = \"...\", hasBody = true)"),
  /** {@code @Body} on a form or multipart method. */
  BODY_WITH_ENCODING(
      120,
      "@Body cannot be used on a @%s method, whose body is built from its @%s"
          + " parameters. Remove @%s, or remove this @Body parameter"),
  /** Two {@code @Body} parameters. */
  BODY_DUPLICATE(
      121,
      "Only one @Body parameter is allowed, and '%s' already is the body. Remove"
          + " this @Body, or combine both into one object"),
  /** {@code @Field}/{@code @FieldMap} without {@code @FormUrlEncoded}. */
  FIELD_WITHOUT_FORM(
      122,
      "@%s can only be used on a @FormUrlEncoded method. Add @FormUrlEncoded to"
          + " the method, or use @Query"),
  /** {@code @Part}/{@code @PartMap} without {@code @Multipart}. */
  PART_WITHOUT_MULTIPART(
      123, "@%s can only be used on a @Multipart method. Add @Multipart to the" + " method"),
  /** {@code @FormUrlEncoded} and {@code @Multipart} together. */
  FORM_AND_MULTIPART(
      124, "@FormUrlEncoded and @Multipart cannot be used together. Keep only one" + " of them"),
  /** An encoding annotation on a method that sends no body. */
  ENCODING_WITHOUT_BODY(
      125,
      "@%s needs an HTTP method with a request body, but @%s has none. Use"
          + " @POST, @PUT, @PATCH or @HTTP(method = \"%s\", path = \"...\", hasBody = true)"),
  /** {@code @FormUrlEncoded} without fields. */
  FORM_WITHOUT_FIELDS(
      126,
      "A @FormUrlEncoded method needs at least one @Field or @FieldMap"
          + " parameter. Add one, or remove @FormUrlEncoded"),
  /** {@code @Multipart} without parts. */
  MULTIPART_WITHOUT_PARTS(
      127,
      "A @Multipart method needs at least one @Part or @PartMap parameter."
          + " Add one, or remove @Multipart"),
  /** {@code @Part} without a name on a type that does not carry its own name. */
  PART_NAME_MISSING(
      128,
      "@Part without a name needs a MultipartBody.Part parameter (or a List or"
          + " array of them), but found %s. Give the part a name, e.g. @Part(\"file\")"),
  /** {@code @Part("name")} on a MultipartBody.Part, which has its own name. */
  PART_NAME_ON_MULTIPART_PART(
      129,
      "A MultipartBody.Part carries its own name and headers. Remove"
          + " the name from @Part(\"%s\")"),
  /** {@code @PartMap} with MultipartBody.Part values. */
  PART_MAP_OF_PARTS(
      130,
      "@PartMap values cannot be MultipartBody.Part. Use @Part"
          + " List<MultipartBody.Part>, or another value type"),
  /** {@code @Headers({})}. */
  HEADERS_EMPTY(131, "@Headers is empty. Add a \"Name: value\" header, or remove the annotation"),
  /** A {@code @Headers} entry without name, colon or value. */
  HEADER_FORMAT(
      132,
      "@Headers value \"%s\" must have the form \"Name: value\". Add the missing"
          + " name, ':' or value"),
  /** A header name that is not an RFC 9110 token. */
  HEADER_NAME_INVALID(
      133,
      "Header name \"%s\" is not a valid HTTP token. Use only letters, digits"
          + " and !#$%%&'*+-.^_`|~ (no spaces, no ':')"),
  /** A header value with a character OkHttp rejects. */
  HEADER_VALUE_INVALID(
      134,
      "The value of header \"%s\" contains %s, which OkHttp rejects. Remove"
          + " it, or set allowUnsafeNonAsciiValues = true for non-ASCII text"),
  /** A Content-Type in {@code @Headers} that is not type/subtype. */
  CONTENT_TYPE_INVALID(
      135,
      "Content-Type \"%s\" is not a media type. Use the form type/subtype,"
          + " e.g. \"application/json; charset=utf-8\""),
  /** {@code @Header("")}. */
  HEADER_NAME_EMPTY(136, "@Header needs a header name. Write e.g. @Header(\"X-Request-Id\")"),
  /** A void method. */
  RETURN_VOID(
      137,
      "%s returns void, which Retrofit cannot call. Return Call<Void> instead (or"
          + " Response<Void>, CompletableFuture<Void>)"),
  /** A primitive return type, which cannot hold an empty body. */
  RETURN_PRIMITIVE(138, "Return type %s cannot hold an empty (null) body. Use %s instead"),
  /** Raw Call, Response or CompletableFuture. */
  RETURN_RAW(139, "Return type %s needs a type argument. Write e.g. %s<ResponseBody>"),
  /** Call&lt;Response&lt;T&gt;&gt; or Response&lt;Response&lt;T&gt;&gt;. */
  RETURN_RESPONSE_TWICE(
      140, "%s wraps the Response twice. Use %s: it already gives you the" + " Response"),
  /** A return type with a type variable or wildcard. */
  RETURN_UNRESOLVABLE(
      141,
      "Return type %s contains a type variable or wildcard, which Retrofit"
          + " cannot resolve at run time. Use a concrete type, e.g. Call<User>"),
  /** okhttp3.Response as a body type. */
  RETURN_OKHTTP_RESPONSE(
      142,
      "okhttp3.Response is not a response body type (in %s). Did you mean"
          + " okhttp3.ResponseBody, or retrofit2.Response<T>?"),
  /** Call/CompletableFuture nested in a way the generated client cannot call. */
  RETURN_UNSUPPORTED(
      143,
      "Return type %s is not supported. Use Call<T>, Response<T>,"
          + " CompletableFuture<T>, CompletableFuture<Response<T>> or a plain T"),
  /** A parameter without any Retrofit annotation. */
  PARAM_NOT_ANNOTATED(
      144,
      "Parameter '%s' has no Retrofit annotation. Annotate it with @Path,"
          + " @Query, @QueryName, @QueryMap, @Header, @HeaderMap, @Body, @Field, @FieldMap, @Part,"
          + " @PartMap, @Url or @Tag, or remove it"),
  /** A parameter with two Retrofit annotations. */
  PARAM_MULTIPLE_ANNOTATIONS(
      145, "Parameter '%s' has more than one Retrofit annotation (%s). Keep" + " exactly one"),
  /** A parameter type with a type variable or wildcard. */
  PARAM_UNRESOLVABLE(
      146,
      "Parameter type %s contains a type variable or wildcard, which Retrofit"
          + " cannot resolve at run time. Use a concrete type, e.g. Map<String, String>"),
  /** {@code @QueryMap}/{@code @FieldMap}/{@code @PartMap} not Map&lt;String, V&gt;. */
  MAP_TYPE(
      147,
      "@%s parameter must be a Map with String keys, but is %s. Use e.g." + " Map<String, String>"),
  /** {@code @HeaderMap} neither Headers nor Map&lt;String, V&gt;. */
  HEADER_MAP_TYPE(
      148,
      "@HeaderMap parameter must be okhttp3.Headers or a Map with String keys,"
          + " but is %s. Use e.g. Map<String, String>"),
  /** A raw List/Iterable for a repeated value. */
  RAW_ITERABLE(149, "Parameter type %s needs a type argument. Write e.g. %s<String>"),
  /** Two {@code @Tag} parameters of one type. */
  TAG_DUPLICATE(
      150,
      "@Tag type %s is already used by parameter '%s' and would overwrite it. Use a"
          + " distinct type for each @Tag"),
  /** A wrapper such as Single, Mono or ListenableFuture without a declared call adapter. */
  RETURN_NEEDS_ADAPTER(
      151,
      "Return type %s needs a call adapter for %s, and the interface declares"
          + " none. Add %s to your dependencies, then declare it on the interface:"
          + " @CallAdapters(factories = <its CallAdapter.Factory>.class), or @CallAdapters(wrappers ="
          + " %s.class) and pass the factory to the builder's addCallAdapterFactory(..)"),

  // ---- LK900: the processor ----------------------------------------------------------------

  /** Wraps an unexpected exception so that a processor bug never crashes the user's build. */
  INTERNAL_ERROR(900, "Latchkey failed on %s: %s. Please report this with the interface attached.");

  private final int code;
  private final String format;

  Diagnostic(int code, String format) {
    this.code = code;
    this.format = format;
  }

  /** The code as printed, e.g. {@code LK012}. */
  public String code() {
    return String.format("LK%03d", code);
  }

  /** The full message: {@code [LK012] text}. */
  public String format(Object... args) {
    return "[" + code() + "] " + String.format(format, args);
  }
}
