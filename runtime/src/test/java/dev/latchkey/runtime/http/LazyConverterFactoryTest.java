package dev.latchkey.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.http.GET;
import retrofit2.http.Query;
import retrofit2.http.Url;

/** Issue 17: the Jackson converter is made only when a method needs it, once, on any thread. */
class LazyConverterFactoryTest {
  interface Api {
    @GET
    Call<ResponseBody> raw(@Url String path, @Query("q") String query);

    @GET("thing")
    Call<Map<String, Object>> mapped();
  }

  private final AtomicInteger made = new AtomicInteger();

  private LazyConverterFactory factory() {
    return LazyConverterFactory.of(() -> {
      made.incrementAndGet();
      return JacksonConverterFactory.create(new ObjectMapper());
    });
  }

  @Test
  void rawBodiesAndQueryStringsNeverMakeTheMapper() throws Exception {
    LazyConverterFactory factory = factory();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body("plain").build());
      server.start();
      Api api = new Retrofit.Builder()
          .baseUrl(server.url("/"))
          .addConverterFactory(factory)
          .build()
          .create(Api.class);
      try (ResponseBody body = api.raw("any", "x").execute().body()) {
        assertEquals("plain", body.string());
      }
    }
    assertFalse(factory.made());
    assertEquals(0, made.get());
  }

  @Test
  void aMappedBodyMakesItOnceAcrossThreads() throws Exception {
    LazyConverterFactory factory = factory();
    int threads = 8;
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < threads; i++) {
        server.enqueue(new MockResponse.Builder().body("{\"a\":1}").build());
      }
      server.start();
      Retrofit retrofit = new Retrofit.Builder()
          .baseUrl(server.url("/"))
          .addConverterFactory(factory)
          .build();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> started = new ArrayList<>();
      List<Object> answers = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < threads; i++) {
        // The threads race to the method's first use, when Retrofit asks for its converter.
        Api api = retrofit.create(Api.class);
        Thread thread = new Thread(() -> {
          try {
            go.await();
            answers.add(api.mapped().execute().body().get("a"));
          } catch (Exception e) {
            answers.add(e);
          }
        });
        thread.start();
        started.add(thread);
      }
      go.countDown();
      for (Thread thread : started) {
        thread.join(30_000);
      }
      assertEquals(threads, answers.size(), answers.toString());
      answers.forEach(a -> assertEquals(1, a));
    }
    assertTrue(factory.made());
    assertEquals(1, made.get());
  }
}
