package dev.latchkey.runtime.tls;

import static dev.latchkey.runtime.tls.TestPki.HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.runtime.LatchkeyClient;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS through a {@link TlsPolicy} (issue 14, defect 9): a policy with trust anchors
 * installs its own socket factory, and the client key must survive that. The server requires a
 * client certificate signed by the client CA; the client's own trust does not know the server's
 * CA, which comes from the policy ({@code trustPem}), so the old code either lost the key (the
 * server refuses the handshake) or the trust.
 */
class TlsClientKeyTest {
  private final HeldCertificate serverRoot = TestPki.root("Server Root");
  private final HeldCertificate clientRoot = TestPki.root("Client Root");
  private final HeldCertificate clientCert =
      new HeldCertificate.Builder().commonName("robot").signedBy(clientRoot).build();
  private final OkHttpClient base = TestPki.loopbackClient();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    HandshakeCertificates serverSide = new HandshakeCertificates.Builder()
        .heldCertificate(TestPki.leaf("server", serverRoot))
        .addTrustedCertificate(clientRoot.certificate())
        .build();
    server = new MockWebServer();
    server.useHttps(serverSide.sslSocketFactory());
    server.requireClientAuth();
    server.setDispatcher(TestPki.always(new MockResponse.Builder().body("ok").build()));
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    TestPki.shutdown(base);
  }

  /** What the user holds: the client key, presented by their own OkHttpClient. */
  private HandshakeCertificates clientKey() {
    return new HandshakeCertificates.Builder()
        .heldCertificate(clientCert)
        .addPlatformTrustedCertificates()
        .build();
  }

  private OkHttpClient usersOwnMutualTlsClient() {
    HandshakeCertificates mine = clientKey();
    return base.newBuilder()
        .sslSocketFactory(mine.sslSocketFactory(), mine.trustManager())
        .build();
  }

  private LatchkeyClient.Builder client() {
    return LatchkeyClient.builder("Mtls")
        .baseUrl(TestPki.url(server, HOST).toString())
        .auth(TestPki.NO_AUTH)
        .okHttpClient(usersOwnMutualTlsClient());
  }

  private int get(LatchkeyClient client) throws IOException {
    Request request = new Request.Builder().url(client.baseUrl().resolve("x")).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      return response.code();
    }
  }

  @Test
  void theClientKeySurvivesTrustAnchorsFromThePolicy() throws Exception {
    TlsPolicy policy = TlsPolicy.builder()
        .addTrustedPem(serverRoot.certificatePem())
        .keyManager(clientKey().keyManager())
        .build();
    try (LatchkeyClient client = client().tls(policy).build()) {
      assertEquals(200, get(client));
    }
    RecordedRequest request = server.takeRequest();
    assertNotNull(request.getHandshake());
    assertEquals(
        1,
        request.getHandshake().peerCertificates().size(),
        "the server saw the client certificate");
  }

  @Test
  void theClientKeySurvivesPinsToo() throws Exception {
    TlsPolicy policy = TlsPolicy.builder()
        .addTrustedPem(serverRoot.certificatePem())
        .pins("**.ondemand.test", Pins.pin(serverRoot.certificate()))
        .keyManager(clientKey().keyManager())
        .build();
    try (LatchkeyClient client = client().tls(policy).build()) {
      assertEquals(200, get(client));
    }
  }

  /** The failure the key manager prevents: anchors from the policy, and no client key. */
  @Test
  void withoutTheKeyTheServerRefusesTheHandshake() {
    TlsPolicy policy =
        TlsPolicy.builder().addTrustedPem(serverRoot.certificatePem()).build();
    try (LatchkeyClient client = client().tls(policy).build()) {
      assertThrows(IOException.class, () -> get(client));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void toStringSaysAClientKeyIsSetWithoutShowingIt() {
    TlsPolicy policy = TlsPolicy.builder().keyManager(clientKey().keyManager()).build();
    assertEquals(true, policy.toString().contains("clientKey=yes"), policy.toString());
    assertEquals(policy.toString(), policy.toBuilder().build().toString());
  }
}
