package dev.latchkey.runtime.tls;

import static dev.latchkey.runtime.tls.TestPki.HOST;
import static dev.latchkey.runtime.tls.TestPki.OTHER_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pinning through a real LatchkeyClient against HTTPS MockWebServers with made-up chains. */
class TlsPinningTest {
  static HeldCertificate root;
  static HeldCertificate intermediate;
  static HeldCertificate siblingIntermediate;
  static HeldCertificate otherRoot;
  static HeldCertificate otherIntermediate;

  private final List<MockWebServer> servers = new CopyOnWriteArrayList<>();
  private final OkHttpClient base = TestPki.loopbackClient();

  @BeforeAll
  static void pki() {
    root = TestPki.root("Test Root");
    intermediate = TestPki.intermediate("Test Issuing CA", root);
    siblingIntermediate = TestPki.intermediate("Sibling Issuing CA", root);
    otherRoot = TestPki.root("Other Root");
    otherIntermediate = TestPki.intermediate("Other Issuing CA", otherRoot);
  }

  @AfterEach
  void stop() {
    servers.forEach(MockWebServer::close);
    TestPki.shutdown(base);
  }

  private MockWebServer serve(HeldCertificate leaf, HeldCertificate issuer) throws IOException {
    MockWebServer server = TestPki.server(leaf, issuer.certificate());
    servers.add(server);
    return server;
  }

  private LatchkeyClient client(MockWebServer server, UnaryOperator<LatchkeyClient.Builder> tls) {
    LatchkeyClient.Builder builder = LatchkeyClient.builder("TlsTest")
        .baseUrl(TestPki.url(server, HOST).toString())
        .auth(TestPki.NO_AUTH)
        .okHttpClient(base)
        .trustPem(root.certificatePem() + otherRoot.certificatePem());
    return tls.apply(builder).build();
  }

  private static String get(LatchkeyClient client, HttpUrl url) throws IOException {
    try (Response response =
        client.okHttpClient().newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code() + " " + response.body().string();
    }
  }

  private static String get(LatchkeyClient client) throws IOException {
    return get(client, client.baseUrl().resolve("products"));
  }

  private static String pin(HeldCertificate certificate) {
    return Pins.pin(certificate.certificate());
  }

  @Test
  void pinnedIntermediateLetsARotatedLeafThrough() throws IOException {
    MockWebServer first = serve(TestPki.leaf("leaf 2025", intermediate), intermediate);
    MockWebServer rotated = serve(TestPki.leaf("leaf 2026", intermediate), intermediate);
    for (MockWebServer server : List.of(first, rotated)) {
      try (LatchkeyClient client =
          client(server, b -> b.pins("**.ondemand.test", pin(intermediate)))) {
        assertEquals("200 ok", get(client));
      }
    }
  }

  @Test
  void leafFromAnotherIntermediateOfTheSameRootFails() throws IOException {
    HeldCertificate leaf = TestPki.leaf("sibling leaf", siblingIntermediate);
    MockWebServer server = serve(leaf, siblingIntermediate);
    try (LatchkeyClient client =
        client(server, b -> b.pins("**.ondemand.test", pin(intermediate)))) {
      PinningException e = assertThrows(PinningException.class, () -> get(client));
      assertEquals(HOST, e.host());
      assertEquals(List.of(pin(leaf), pin(siblingIntermediate), pin(root)), e.chainPins());
      assertEquals(0, server.getRequestCount(), "nothing may be sent over an unpinned connection");
    }
  }

  @Test
  void leafFromAnotherRootFails() throws IOException {
    MockWebServer server =
        serve(TestPki.leaf("foreign leaf", otherIntermediate), otherIntermediate);
    try (LatchkeyClient client =
        client(server, b -> b.pins("**.ondemand.test", pin(intermediate), pin(root)))) {
      assertThrows(PinningException.class, () -> get(client));
    }
  }

  @Test
  void pinningARootTheServerDoesNotSendPasses() throws IOException {
    MockWebServer server = serve(TestPki.leaf("leaf", intermediate), intermediate);
    try (LatchkeyClient client = client(server, b -> b.pins(HOST, pin(root)))) {
      assertEquals("200 ok", get(client));
    }
  }

  @Test
  void failureMessageNamesHostPinningAndTheChainPins() throws IOException {
    HeldCertificate leaf = TestPki.leaf("foreign leaf", otherIntermediate);
    MockWebServer server = serve(leaf, otherIntermediate);
    try (LatchkeyClient client =
        client(server, b -> b.pins("**.ondemand.test", pin(intermediate)))) {
      PinningException e = assertThrows(PinningException.class, () -> get(client));
      String message = e.getMessage();
      assertTrue(message.contains(HOST), message);
      assertTrue(message.contains("certificate pinning"), message);
      for (HeldCertificate certificate : List.of(leaf, otherIntermediate, otherRoot)) {
        assertTrue(message.contains(pin(certificate)), message);
      }
      assertTrue(message.contains(pin(intermediate)), "names the expected pin: " + message);
    }
  }

  @Test
  void strictTrustRejectsAChainFromAnotherCaDuringTheHandshake() throws IOException {
    MockWebServer good = serve(TestPki.leaf("leaf", intermediate), intermediate);
    MockWebServer foreign =
        serve(TestPki.leaf("foreign leaf", otherIntermediate), otherIntermediate);
    TlsPolicy strict = TlsPolicy.builder().trustOnlyPem(root.certificatePem()).build();
    try (LatchkeyClient client = client(good, b -> b.tls(strict))) {
      assertEquals("200 ok", get(client));
      // otherRoot was trusted by the builder's trustPem(..) before tls(..) replaced everything.
      assertThrows(SSLHandshakeException.class, () -> get(client, TestPki.url(foreign, HOST)));
      assertEquals(0, foreign.getRequestCount());
    }
  }

  @Test
  void redirectToAnUnpinnedHostFailsClosed() throws IOException {
    MockWebServer elsewhere = serve(TestPki.leaf("leaf", intermediate), intermediate);
    MockWebServer server = serve(TestPki.leaf("leaf", intermediate), intermediate);
    server.setDispatcher(TestPki.always(new MockResponse.Builder()
        .code(302)
        .addHeader("Location", TestPki.url(elsewhere, OTHER_HOST).resolve("stolen"))
        .build()));
    try (LatchkeyClient client =
        client(server, b -> b.pins("**.ondemand.test", pin(intermediate)))) {
      PinningException e = assertThrows(PinningException.class, () -> get(client));
      assertEquals(OTHER_HOST, e.host());
      assertTrue(e.getMessage().contains("matches no pinned host pattern"), e.getMessage());
      assertEquals(1, server.getRequestCount());
      assertEquals(0, elsewhere.getRequestCount(), "the redirect target must get nothing");
    }
  }

  @Test
  void unpinnedHostsPassWhenPinsAreNotRequiredForAllHosts() throws IOException {
    MockWebServer server = serve(TestPki.leaf("leaf", intermediate), intermediate);
    TlsPolicy policy = TlsPolicy.builder()
        .pins("pinned.example", pin(otherRoot))
        .requirePinsForAllHosts(false)
        .addTrustedPem(root.certificatePem())
        .build();
    try (LatchkeyClient client = client(server, b -> b.tls(policy))) {
      assertEquals("200 ok", get(client));
    }
  }

  @Test
  void reportOnlyPassesAndEmitsANotice() throws IOException {
    HeldCertificate leaf = TestPki.leaf("sibling leaf", siblingIntermediate);
    MockWebServer server = serve(leaf, siblingIntermediate);
    List<AuthEvent> events = new CopyOnWriteArrayList<>();
    TlsPolicy policy = TlsPolicy.builder()
        .pins("**.ondemand.test", pin(intermediate))
        .addTrustedPem(root.certificatePem())
        .reportOnly(true)
        .build();
    try (LatchkeyClient client = client(server, b -> b.tls(policy).eventListener(events::add))) {
      assertEquals("200 ok", get(client));
      assertEquals("200 ok", get(client));
    }
    assertEquals(1, events.size(), "one notice per connection: " + events);
    AuthEvent event = events.get(0);
    assertEquals(AuthEvent.Type.NOTICE, event.type());
    assertEquals(HOST, event.host());
    assertTrue(event.detail().contains("report-only"), event.detail());
    assertTrue(event.detail().contains(pin(siblingIntermediate)), event.detail());
    assertTrue(event.detail().contains(pin(leaf)), event.detail());
  }

  /** Issue 14, defect 8: a listener that throws never fails a call, report-only notices too. */
  @Test
  void aThrowingListenerNeverFailsAReportOnlyCall() throws IOException {
    MockWebServer server = serve(TestPki.leaf("leaf", siblingIntermediate), siblingIntermediate);
    TlsPolicy policy = TlsPolicy.builder()
        .pins("**.ondemand.test", pin(intermediate))
        .addTrustedPem(root.certificatePem())
        .reportOnly(true)
        .build();
    try (LatchkeyClient client = client(
        server,
        b -> b.tls(policy).eventListener(event -> {
          throw new IllegalStateException("a metrics bug");
        }))) {
      assertEquals("200 ok", get(client));
    }
  }

  @Test
  void reportOnlyIsSilentWhenPinsMatch() throws IOException {
    MockWebServer server = serve(TestPki.leaf("leaf", intermediate), intermediate);
    List<AuthEvent> events = new CopyOnWriteArrayList<>();
    TlsPolicy policy = TlsPolicy.builder()
        .pins("**.ondemand.test", pin(root))
        .addTrustedPem(root.certificatePem())
        .reportOnly(true)
        .build();
    try (LatchkeyClient client = client(server, b -> b.tls(policy).eventListener(events::add))) {
      assertEquals("200 ok", get(client));
    }
    assertEquals(List.of(), events);
  }

  @Test
  void plainHttpBaseUrlOfAnUnpinnedHostIsTheCallersChoice() throws IOException {
    MockWebServer plain = new MockWebServer();
    servers.add(plain);
    plain.setDispatcher(TestPki.always(new MockResponse.Builder().body("ok").build()));
    plain.start(InetAddress.getByName("127.0.0.1"), 0);
    try (LatchkeyClient client = LatchkeyClient.builder("Plain")
        .baseUrl(plain.url("/").toString())
        .auth(TestPki.NO_AUTH)
        .okHttpClient(base)
        .pins("**.ondemand.test", pin(intermediate))
        .build()) {
      assertEquals("200 ok", get(client));
      PinningException e = assertThrows(
          PinningException.class,
          () -> get(client, plain.url("/").newBuilder().host(HOST).build()));
      assertTrue(e.getMessage().contains("plain HTTP"), e.getMessage());
      assertEquals(1, plain.getRequestCount());
    }
  }
}
