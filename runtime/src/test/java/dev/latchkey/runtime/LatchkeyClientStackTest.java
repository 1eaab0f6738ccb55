package dev.latchkey.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.latchkey.runtime.token.TokenScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Converter;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/** Issue 15: the Retrofit and Jackson settings a user brings to {@link LatchkeyClient.Builder}. */
class LatchkeyClientStackTest {
  private final MockWebServer server = new MockWebServer();

  record Event(Instant at, LocalDate day, Optional<String> note) {}

  interface Api {
    @GET("event")
    Event event();

    @GET("event")
    Call<Event> call();

    @GET("event")
    String text();

    @GET("event")
    Event declared() throws IOException;
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
    return LatchkeyClient.builder("Api")
        .baseUrl(server.url("/").toString())
        .auth(new LatchkeyClientTest.MarkerScheme());
  }

  private void answer(String json) {
    server.enqueue(new MockResponse.Builder().body(json).build());
  }

  @Test
  void theDefaultMapperReadsJavaTimeAndOptionalFields() throws IOException {
    answer("{\"at\":\"2026-12-02T00:00:00Z\",\"day\":\"2026-12-02\",\"note\":\"hi\",\"new\":1}");
    try (LatchkeyClient client = builder().build()) {
      Event event = client.create(Api.class).event();
      assertEquals(Instant.parse("2026-12-02T00:00:00Z"), event.at());
      assertEquals(LocalDate.of(2026, 12, 2), event.day());
      assertEquals(Optional.of("hi"), event.note());
    }
  }

  @Test
  void userConvertersAreAskedFirstInTheOrderAdded() throws IOException {
    List<String> asked = new ArrayList<>();
    answer("plain words");
    try (LatchkeyClient client = builder()
        .addConverterFactory(recording("first", asked, false))
        .addConverterFactory(recording("strings", asked, true))
        .build()) {
      assertEquals("plain words", client.create(Api.class).text());
      assertEquals(List.of("first", "strings"), asked);
    }
  }

  /** Claims String bodies when {@code claim}; records that it was asked. */
  private static Converter.Factory recording(String name, List<String> asked, boolean claim) {
    return new Converter.Factory() {
      @Override
      public Converter<ResponseBody, ?> responseBodyConverter(
          Type type, Annotation[] annotations, Retrofit retrofit) {
        if (type != String.class) {
          return null;
        }
        asked.add(name);
        return claim ? ResponseBody::string : null;
      }
    };
  }

  @Test
  void userCallAdaptersComeBeforeOurs() throws IOException {
    answer("{}");
    List<Type> seen = new ArrayList<>();
    try (LatchkeyClient client = builder()
        .addCallAdapterFactory(new retrofit2.CallAdapter.Factory() {
          @Override
          public retrofit2.CallAdapter<?, ?> get(Type type, Annotation[] annotations, Retrofit r) {
            seen.add(type);
            return null; // passes on: ours still serve the method
          }
        })
        .build()) {
      client.create(Api.class).event();
      assertEquals(List.of(Event.class), seen);
    }
  }

  @Test
  void aUserMapperServesBodiesAndLoginAnswers() throws IOException {
    // Lenient JSON only the user's mapper accepts, in the login answer and in the body.
    JsonMapper lenient = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
        .build();
    server.enqueue(new MockResponse.Builder()
        .body("{/* vendor */ \"response\":{\"status\":\"OK\",\"token\":\"tok-1\"}}")
        .build());
    answer("{/* c */ \"at\":\"2026-12-02T00:00:00Z\",\"day\":\"2026-12-02\"}");
    try (LatchkeyClient client = LatchkeyClient.builder("Api")
        .baseUrl(server.url("/").toString())
        .auth(tokenScheme())
        .objectMapper(lenient)
        .build()) {
      assertEquals(LocalDate.of(2026, 12, 2), client.create(Api.class).event().day());
    }
  }

  @Test
  void withoutTheUserMapperTheSameLoginAnswerIsRefused() throws IOException {
    server.enqueue(new MockResponse.Builder()
        .body("{/* vendor */ \"response\":{\"status\":\"OK\",\"token\":\"tok-1\"}}")
        .build());
    try (LatchkeyClient client = LatchkeyClient.builder("Api")
        .baseUrl(server.url("/").toString())
        .auth(tokenScheme())
        .build()) {
      assertThrows(
          UnexpectedAnswerException.class, () -> client.create(Api.class).declared());
    }
  }

  private static TokenScheme tokenScheme() {
    return TokenScheme.builder()
        .loginPath("auth")
        .tokenPointer("/response/token")
        .header("Authorization", "{token}")
        .idleLifetime(Duration.ofHours(2))
        .credentials(() -> new UserPassword("alice", "S3cret!password"))
        .build();
  }

  @Test
  void callbacksRunOnTheCallbackExecutor() throws Exception {
    answer("{}");
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "user-cb"));
    AtomicReference<String> thread = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    try (LatchkeyClient client = builder().callbackExecutor(executor).build()) {
      client.create(Api.class).call().enqueue(new Callback<>() {
        @Override
        public void onResponse(Call<Event> call, Response<Event> response) {
          thread.set(Thread.currentThread().getName());
          done.countDown();
        }

        @Override
        public void onFailure(Call<Event> call, Throwable t) {
          done.countDown();
        }
      });
      assertTrue(done.await(10, TimeUnit.SECONDS));
      assertEquals("user-cb", thread.get());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void theRetrofitHookSeesTheBuilderAndCannotStealTheBaseUrl() throws IOException {
    AtomicReference<Retrofit.Builder> seen = new AtomicReference<>();
    try (LatchkeyClient client = builder()
        .retrofit(retrofit -> seen.set(retrofit.validateEagerly(true).baseUrl("http://elsewhere/")))
        .build()) {
      assertTrue(seen.get() != null);
      assertEquals(server.url("/"), client.retrofit().baseUrl());
      assertSame(client.okHttpClient(), client.retrofit().callFactory());
    }
  }

  @Test
  void aDeclaredIoExceptionGetsTheTypedFailureAndAnUndeclaredOneTheUncheckedWrapper()
      throws IOException {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder()
          .code(401)
          .body("{\"response\":{\"error_id\":\"NOAUTH\"}}")
          .build());
    }
    TokenScheme scheme = TokenScheme.builder()
        .loginPath("auth")
        .tokenPointer("/response/token")
        .header("Authorization", "{token}")
        .idleLifetime(Duration.ofHours(2))
        .errorPointer("/response/error_id")
        .badCredentialErrors("NOAUTH")
        .badPasswordBackoff(Duration.ZERO)
        .credentials(() -> new UserPassword("alice", "wrong"))
        .build();
    try (LatchkeyClient client = LatchkeyClient.builder("Api")
        .baseUrl(server.url("/").toString())
        .auth(scheme)
        .build()) {
      Api api = client.create(Api.class);
      assertThrows(AuthenticationFailedException.class, api::declared);
      UncheckedIOException wrapped = assertThrows(UncheckedIOException.class, api::event);
      assertTrue(wrapped.getCause() instanceof AuthenticationFailedException);
    }
  }

  @Test
  void xmlIsLoadedOnlyWhenAsked() throws Exception {
    // A class path without Jackson XML: the probe says so without loading anything.
    URL runtime = Mappers.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader jsonOnly = new URLClassLoader(new URL[] {runtime}, null)) {
      assertFalse(Mappers.xmlAvailable(jsonOnly));
    }
    assertTrue(Mappers.xmlAvailable(getClass().getClassLoader()));
    assertEquals("XmlMapper", Mappers.xml().getClass().getSimpleName());
    assertEquals("ObjectMapper", Mappers.json().getClass().getSimpleName());
  }
}
