package dev.latchkey.runtime.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.logging.HttpLog;
import dev.latchkey.runtime.logging.Redactor;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A headers-only client (issue 18: {@code basic = false}, no session): no credentials; the bearer
 * token comes from a supplier asked on every request; a refused token is a typed failure and is
 * not sent again until the supplier gives another one.
 */
class HeadersOnlyTest {
  private final MockWebServer server = new MockWebServer();
  private final AtomicReference<String> token = new AtomicReference<>("token-one");
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = LatchkeyClient.builder("Kube")
        .baseUrl(server.url("/").toString())
        .clock(new MutableClock(Instant.parse("2026-03-02T08:00:00Z")))
        .auth(HeaderScheme.builder()
            .header("Authorization", "bearerToken", true, "Bearer {value}", token::get)
            .basicAllowed(false)
            .build())
        .build();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    client.close();
  }

  private int get() throws IOException {
    Request request =
        new Request.Builder().url(client.baseUrl().resolve("pods")).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      return response.code();
    }
  }

  @Test
  void eachRequestAsksTheSupplierAndARefusedTokenIsNotResentUntilItChanges() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(new MockResponse.Builder()
        .code(401)
        .body("{\"message\":\"Unauthorized\"}")
        .build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    assertEquals(200, get());
    assertEquals("Bearer token-one", server.takeRequest().getHeaders().get("Authorization"));
    token.set("token-two"); // the kubelet rotated the file; the server refuses it (revoked)
    assertThrows(AuthenticationFailedException.class, this::get);
    assertEquals("Bearer token-two", server.takeRequest().getHeaders().get("Authorization"));
    assertThrows(
        AuthenticationFailedException.class, this::get); // the same refused token: not sent
    assertEquals(2, server.getRequestCount());
    token.set("token-three");
    assertEquals(200, get());
    assertEquals("Bearer token-three", server.takeRequest().getHeaders().get("Authorization"));
  }

  /**
   * The last value of a header is kept with its text on the wire (issue 17: not formatted anew on
   * every call); a rotated value is still sent at the next call and masked in the log like the
   * first, and going back to an earlier value sends that one.
   */
  @Test
  void aRotatedSecretHeaderIsSentAtOnceAndMaskedInTheLog() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    OkHttpClient base = new OkHttpClient.Builder()
        .addNetworkInterceptor(new HttpLog(new Redactor(), HttpLog.Level.HEADERS, lines::add))
        .build();
    client.close();
    client = LatchkeyClient.builder("Kube")
        .baseUrl(server.url("/").toString())
        .okHttpClient(base)
        .auth(HeaderScheme.builder()
            .header("Authorization", "bearerToken", true, "Bearer {value}", token::get)
            .basicAllowed(false)
            .build())
        .build();
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().body("{}").build());
    }
    List<String> sent = new ArrayList<>();
    for (String value : List.of("token-one", "token-one", "token-two", "token-one")) {
      token.set(value);
      assertEquals(200, get());
      sent.add(server.takeRequest().getHeaders().get("Authorization"));
    }
    assertEquals(
        List.of("Bearer token-one", "Bearer token-one", "Bearer token-two", "Bearer token-one"),
        sent);
    String log = String.join("\n", lines);
    assertTrue(log.contains("Authorization"), log);
    assertFalse(log.contains("token-one") || log.contains("token-two"), log);
  }

  @Test
  void aHeadersOnlyClientNeedsAHeader() {
    assertThrows(
        LatchkeyConfigException.class,
        () -> HeaderScheme.builder().basicAllowed(false).build());
  }
}
