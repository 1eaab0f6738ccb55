package dev.latchkey.runtime.tls;

import static dev.latchkey.runtime.tls.TestPki.HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.LatchkeyClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LatchkeyClient.Builder's TLS methods: overrides at build time, and one client on many threads.
 */
class TlsClientWiringTest {
  private HeldCertificate root;
  private HeldCertificate intermediate;
  private HeldCertificate newIntermediate;
  private MockWebServer server;
  private final OkHttpClient base = TestPki.loopbackClient();

  @BeforeEach
  void start() throws IOException {
    root = TestPki.root("Root");
    intermediate = TestPki.intermediate("Old Issuing CA", root);
    newIntermediate = TestPki.intermediate("New Issuing CA", root);
    // The CA moved: the server's chain now comes from the new intermediate (seed 000's R36 case).
    server = TestPki.server(TestPki.leaf("leaf", newIntermediate), newIntermediate.certificate());
  }

  @AfterEach
  void stop() {
    server.close();
    TestPki.shutdown(base);
    System.clearProperty("latchkey.pins.**.ondemand.test");
  }

  private LatchkeyClient.Builder annotatedClient() {
    // What generated code does for @PinCertificates(host = "**.ondemand.test", pins = {old CA}).
    return LatchkeyClient.builder("Wiring")
        .baseUrl(TestPki.url(server, HOST).toString())
        .auth(TestPki.NO_AUTH)
        .okHttpClient(base)
        .pins("**.ondemand.test", Pins.pin(intermediate.certificate()))
        .trustPem(root.certificatePem());
  }

  private static int get(LatchkeyClient client) throws IOException {
    Request request =
        new Request.Builder().url(client.baseUrl().resolve("products")).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      response.body().string();
      return response.code();
    }
  }

  @Test
  void systemPropertyOverrideReplacesAnnotationPins() throws IOException {
    try (LatchkeyClient client = annotatedClient().build()) {
      assertThrows(PinningException.class, () -> get(client));
    }
    System.setProperty("latchkey.pins.**.ondemand.test", Pins.pin(newIntermediate.certificate()));
    try (LatchkeyClient client = annotatedClient().build()) {
      assertEquals(200, get(client));
    }
  }

  @Test
  void builderPinsReplaceAnnotationPins() throws IOException {
    try (LatchkeyClient client = annotatedClient()
        .pins("**.ondemand.test", Pins.pin(newIntermediate.certificate()))
        .build()) {
      assertEquals(200, get(client));
    }
  }

  @Test
  void badPinOnTheClientBuilderFailsAtOnce() {
    LatchkeyClient.Builder builder = annotatedClient();
    assertThrows(
        dev.latchkey.runtime.LatchkeyConfigException.class,
        () -> builder.pins("**.ondemand.test", "sha256/nope"));
  }

  @Test
  void oneClientSixteenThreads() throws Exception {
    try (LatchkeyClient client =
        annotatedClient().pins("**.ondemand.test", Pins.pin(root.certificate())).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        Callable<Integer> twentyCalls = () -> {
          int ok = 0;
          for (int i = 0; i < 20; i++) {
            ok += get(client) == 200 ? 1 : 0;
          }
          return ok;
        };
        for (int t = 0; t < 16; t++) {
          results.add(pool.submit(twentyCalls));
        }
        int ok = 0;
        for (Future<Integer> result : results) {
          ok += result.get(60, TimeUnit.SECONDS);
        }
        assertEquals(320, ok);
        assertEquals(320, server.getRequestCount());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Issue 14, defect 5: an operator's pin override applies to a client whose interface has no
   * {@code @PinCertificates} and whose builder made no TLS call. The user's own client trusts the
   * test CA, so without the override the call succeeds; the override pins the old CA, which the
   * server's chain no longer has, so the call must fail before any request byte is sent.
   */
  @Test
  void pinOverrideAppliesWithoutAnyTlsCallOnTheBuilder() throws IOException {
    okhttp3.tls.HandshakeCertificates trust = new okhttp3.tls.HandshakeCertificates.Builder()
        .addTrustedCertificate(root.certificate())
        .build();
    OkHttpClient trusting = base.newBuilder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .build();
    LatchkeyClient.Builder unpinned = LatchkeyClient.builder("Unpinned")
        .baseUrl(TestPki.url(server, HOST).toString())
        .auth(TestPki.NO_AUTH)
        .okHttpClient(trusting);
    try (LatchkeyClient client = unpinned.build()) {
      assertEquals(200, get(client), "no override: the user's trust decides");
    }
    String key = "latchkey.pins." + HOST;
    String before = System.getProperty(key);
    System.setProperty(key, Pins.pin(intermediate.certificate()));
    try (LatchkeyClient client = unpinned.build()) {
      assertThrows(PinningException.class, () -> get(client));
      assertEquals(1, server.getRequestCount(), "nothing was sent under the override");
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  @Test
  void clientWithoutTlsSettingsIsUntouched() throws IOException {
    // No pins(..): no pinner, no interceptors; the test CA is not trusted, so the handshake fails.
    try (LatchkeyClient client = LatchkeyClient.builder("Plain")
        .baseUrl(TestPki.url(server, HOST).toString())
        .auth(TestPki.NO_AUTH)
        .okHttpClient(base)
        .build()) {
      assertTrue(client.okHttpClient().interceptors().isEmpty());
      assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> get(client));
    }
  }
}
