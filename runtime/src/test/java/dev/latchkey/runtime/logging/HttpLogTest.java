package dev.latchkey.runtime.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class HttpLogTest {

  @Test
  void masksHeadersFieldsAndKnownValuesInBothDirections() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Redactor redactor = new Redactor().redactHeader("MediaSiloApiKey");
    redactor.addSecret("tok-622cee5f8c99");
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder()
          .addHeader("Set-Cookie", "IBAPI_SESSID=tok-622cee5f8c99; path=/")
          .addHeader("Content-Type", "text/html")
          .body(
              "{\"response\":{\"status\":\"OK\",\"token\":\"tok-622cee5f8c99\",\"echo\":\"tok-622cee5f8c99\"}}")
          .build());
      server.start();
      OkHttpClient client = new OkHttpClient.Builder()
          .addNetworkInterceptor(new HttpLog(redactor, HttpLog.Level.BODY, lines::add))
          .build();
      Request request = new Request.Builder()
          .url(server.url("/auth"))
          .header("Authorization", "Basic cm9ib3Q6czNjcmV0")
          .header("MediaSiloApiKey", "app-key-123")
          .post(RequestBody.create(
              "{\"auth\":{\"username\":\"robot\",\"password\":\"s3cret \\\"quoted\\\" pass\"}}",
              MediaType.get("application/json")))
          .build();
      try (Response response = client.newCall(request).execute()) {
        assertEquals(200, response.code());
        // The application still reads the whole, unmasked body.
        assertTrue(response.body().string().contains("tok-622cee5f8c99"));
      }
    }
    String all = String.join("\n", lines);
    for (String secret :
        List.of("cm9ib3Q6czNjcmV0", "app-key-123", "s3cret", "quoted", "tok-622cee5f8c99")) {
      assertFalse(all.contains(secret), () -> "leaked " + secret + " in\n" + all);
    }
    assertTrue(all.contains("Authorization: ██"), all);
    assertTrue(all.contains("\"username\":\"robot\""), all);
    assertTrue(all.contains("<-- 200"), all);
  }

  @Test
  void masksXmlFieldsAndHugeBodiesCostLinearTime() {
    Redactor redactor = new Redactor();
    assertEquals(
        "<user><password>██</password></user>",
        redactor.text("<user><password>hunter22</password></user>"));
    String huge = "{\"password\":\"" + "\\\\a".repeat(500_000) + "\"}";
    assertEquals("{\"password\":\"██\"}", redactor.text(huge));
  }

  @Test
  void remembersABoundedNumberOfSecretsUnderConcurrency() throws Exception {
    Redactor redactor = new Redactor();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 2000; i++) {
      int n = i;
      pool.execute(() -> {
        redactor.addSecret(String.format("secret-%05d", n));
        redactor.text(String.format("value secret-%05d", n));
      });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    // The newest are kept, the oldest dropped: memory stays bounded.
    int masked = 0;
    for (int i = 0; i < 2000; i++) {
      if (redactor.text(String.format("secret-%05d ", i)).startsWith(Redactor.MASK)) {
        masked++;
      }
    }
    assertTrue(masked <= Redactor.MAX_VALUES && masked > 0, "masked " + masked);
  }
}
