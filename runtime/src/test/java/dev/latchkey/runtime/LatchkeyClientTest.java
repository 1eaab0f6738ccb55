package dev.latchkey.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.HttpException;
import retrofit2.Response;
import retrofit2.http.GET;

class LatchkeyClientTest {
  private final MockWebServer server = new MockWebServer();

  interface Api {
    @GET("thing")
    Call<Map<String, Object>> call();

    @GET("thing")
    Map<String, Object> direct();

    @GET("thing")
    Response<Map<String, Object>> response();
  }

  /** Adds a marker header, so tests can see the scheme was installed, and records close(). */
  static final class MarkerScheme implements AuthScheme {
    boolean closed;

    @Override
    public String kind() {
      return "marker";
    }

    @Override
    public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
      builder.addInterceptor(chain ->
          chain.proceed(chain.request().newBuilder().header("X-Marker", "1").build()));
      return () -> closed = true;
    }
  }

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LatchkeyClient.Builder builder() {
    return LatchkeyClient.builder("Api").auth(new MarkerScheme());
  }

  @Test
  void returnTypesCallDirectAndResponseAllWork() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().body("{\"a\":1,\"extra\":true}").build());
    }
    try (LatchkeyClient client =
        builder().baseUrl(server.url("/v1/").toString()).build()) {
      Api api = client.create(Api.class);
      assertEquals(1, api.call().execute().body().get("a"));
      assertEquals(1, api.direct().get("a"));
      assertEquals(200, api.response().code());
    }
    RecordedRequest request = server.takeRequest();
    assertEquals("/v1/thing", request.getTarget());
    assertEquals("1", request.getHeaders().get("X-Marker"));
  }

  @Test
  void directBodyThrowsHttpExceptionOnErrorStatus() {
    server.enqueue(new MockResponse.Builder().code(500).body("{}").build());
    try (LatchkeyClient client = builder().baseUrl(server.url("/").toString()).build()) {
      HttpException e =
          assertThrows(HttpException.class, () -> client.create(Api.class).direct());
      assertEquals(500, e.code());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void directBodyWrapsIoFailuresUnchecked() throws IOException {
    LatchkeyClient client = builder().baseUrl(server.url("/").toString()).build();
    server.close();
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> client.create(Api.class).direct());
    assertInstanceOf(IOException.class, e.getCause());
    client.close();
  }

  @Test
  void environmentsResolveFromLiteralAndProperty() throws IOException {
    System.setProperty("latchkey.test.staging.url", "http://127.0.0.1:1/staging/");
    try {
      LatchkeyClient literal = builder()
          .declareEnvironment("production", "http://127.0.0.1:1/prod/")
          .declareEnvironmentProperty("staging", "latchkey.test.staging.url")
          .environment("production")
          .build();
      assertEquals("http://127.0.0.1:1/prod/", literal.baseUrl().toString());
      literal.close();
      LatchkeyClient fromProperty = builder()
          .declareEnvironment("production", "http://127.0.0.1:1/prod/")
          .declareEnvironmentProperty("staging", "latchkey.test.staging.url")
          .environment("staging")
          .build();
      assertEquals("http://127.0.0.1:1/staging/", fromProperty.baseUrl().toString());
      fromProperty.close();
    } finally {
      System.clearProperty("latchkey.test.staging.url");
    }
  }

  @Test
  void configurationErrorsNameTheProblem() {
    LatchkeyConfigException unknown = assertThrows(
        LatchkeyConfigException.class,
        () -> builder()
            .declareEnvironment("production", "http://x/")
            .environment("prod")
            .build());
    assertTrue(unknown.getMessage().contains("unknown environment 'prod'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("production"), unknown.getMessage());

    LatchkeyConfigException unset = assertThrows(
        LatchkeyConfigException.class,
        () -> builder()
            .declareEnvironmentProperty("staging", "latchkey.unset.key")
            .environment("staging")
            .build());
    assertTrue(unset.getMessage().contains("LATCHKEY_UNSET_KEY"), unset.getMessage());

    LatchkeyConfigException slash = assertThrows(
        LatchkeyConfigException.class, () -> builder().baseUrl("http://x/api").build());
    assertTrue(slash.getMessage().contains("must end in '/'"), slash.getMessage());

    assertThrows(
        LatchkeyConfigException.class, () -> builder().baseUrl("ftp://x/").build());
    assertThrows(LatchkeyConfigException.class, () -> builder().build());
    assertThrows(
        LatchkeyConfigException.class,
        () -> LatchkeyClient.builder("Api").baseUrl("http://x/").build());
  }

  @Test
  void closeReleasesSchemeAndOwnedDispatcherButNotAUsersClient() throws IOException {
    MarkerScheme scheme = new MarkerScheme();
    LatchkeyClient owned =
        LatchkeyClient.builder("Api").auth(scheme).baseUrl("http://x/").build();
    owned.close();
    assertTrue(scheme.closed);
    assertTrue(owned.okHttpClient().dispatcher().executorService().isShutdown());

    OkHttpClient mine = new OkHttpClient();
    LatchkeyClient shared = builder().okHttpClient(mine).baseUrl("http://x/").build();
    shared.close();
    assertFalse(mine.dispatcher().executorService().isShutdown());
  }

  @Test
  void toStringNamesClientUrlAndKindOnly() throws IOException {
    try (LatchkeyClient client = builder().baseUrl("http://127.0.0.1:1/api/").build()) {
      assertEquals("Api{baseUrl=http://127.0.0.1:1/api/, auth=marker}", client.toString());
    }
  }

  @Test
  void userPasswordNeverShowsThePassword() {
    UserPassword credentials = new UserPassword("robot_user", "Circle Of Life");
    assertFalse(credentials.toString().contains("Circle"));
    char[] copy = credentials.password();
    assertEquals("Circle Of Life", new String(copy));
    credentials.clear();
    assertEquals("\0".repeat(14), new String(credentials.password()));
  }

  /** The origin rule: the engines learn from the context which origins the credential may visit. */
  @Test
  void addedOriginsReachTheSchemeAndABadOneIsRefusedByName() {
    AuthContext[] seen = new AuthContext[1];
    AuthScheme capture = new AuthScheme() {
      @Override
      public String kind() {
        return "capture";
      }

      @Override
      public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
        seen[0] = context;
        return () -> {};
      }
    };
    LatchkeyClient client = LatchkeyClient.builder("Api")
        .baseUrl("https://api.example/v1/")
        .addOrigin("https://files.example/anything")
        .auth(capture)
        .build();
    assertTrue(seen[0].origins().contains(okhttp3.HttpUrl.get("https://files.example/x")));
    assertFalse(seen[0].origins().contains(okhttp3.HttpUrl.get("https://other.example/")));
    assertTrue(seen[0].redactor() == client.redactor());
    LatchkeyConfigException bad = assertThrows(
        LatchkeyConfigException.class,
        () -> LatchkeyClient.builder("Api")
            .baseUrl("https://api.example/v1/")
            .addOrigin("ftp:/nope")
            .auth(capture)
            .build());
    assertTrue(bad.getMessage().contains("addOrigin") && bad.getMessage().contains("ftp:/nope"));
  }
}
