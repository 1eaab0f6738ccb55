package dev.latchkey.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a Latchkey client's connections have {@code TCP_NODELAY} on, so a POST whose body
 * leaves in several writes never waits for the server's delayed ACK. Asserts the socket option
 * the call really used (read in a network interceptor), not a timing.
 */
class ClientNoDelayTest {
  private final MockWebServer server = new MockWebServer();
  private final List<Boolean> noDelay = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LatchkeyClient client(LatchkeyClient.Builder builder) {
    return builder
        .baseUrl(server.url("/").toString())
        .auth(new LatchkeyClientTest.MarkerScheme())
        .customize(b -> b.addNetworkInterceptor(chain -> {
          noDelay.add(chain.connection().socket().getTcpNoDelay());
          return chain.proceed(chain.request());
        }))
        .build();
  }

  private static void postLargeBody(OkHttpClient client, String url) throws IOException {
    // 24 KiB: OkHttp writes it in three 8 KiB pieces.
    RequestBody body = RequestBody.create("x".repeat(24 * 1024), MediaType.get("application/json"));
    try (Response response =
        client.newCall(new Request.Builder().url(url).post(body).build()).execute()) {
      assertEquals(200, response.code());
    }
  }

  @Test
  void aClientItOwnsConnectsWithTcpNoDelay() throws IOException {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (LatchkeyClient client = client(LatchkeyClient.builder("t"))) {
      postLargeBody(client.okHttpClient(), server.url("/thing").toString());
    }
    assertEquals(List.of(true), noDelay);
  }

  @Test
  void aSuppliedOkHttpClientGetsTcpNoDelayAndKeepsItsPool() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    OkHttpClient base = new OkHttpClient();
    try (LatchkeyClient first = client(LatchkeyClient.builder("a").okHttpClient(base));
        LatchkeyClient second = client(LatchkeyClient.builder("b").okHttpClient(base))) {
      postLargeBody(first.okHttpClient(), server.url("/thing").toString());
      postLargeBody(second.okHttpClient(), server.url("/thing").toString());
    } finally {
      base.dispatcher().executorService().shutdown();
      base.connectionPool().evictAll();
    }
    assertEquals(List.of(true, true), noDelay);
    // Two clients on one base share its connection (equal socket factories, equal Address).
    int firstConnection = server.takeRequest().getConnectionIndex();
    assertEquals(
        firstConnection, server.takeRequest().getConnectionIndex(), "one connection for both");
  }
}
