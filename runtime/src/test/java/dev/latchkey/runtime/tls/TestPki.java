package dev.latchkey.runtime.tls;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Certificate chains in a few lines, after OkHttp's CertificatePinnerChainValidationTest, and HTTPS
 * MockWebServers on 127.0.0.1 reachable under made-up host names through a fake {@link Dns}.
 */
final class TestPki {
  static final String HOST = "api.ondemand.test";
  static final String OTHER_HOST = "other.test";

  private TestPki() {}

  static HeldCertificate root(String name) {
    return new HeldCertificate.Builder()
        .certificateAuthority(1)
        .commonName(name)
        .build();
  }

  static HeldCertificate intermediate(String name, HeldCertificate root) {
    return new HeldCertificate.Builder()
        .certificateAuthority(0)
        .commonName(name)
        .signedBy(root)
        .build();
  }

  static HeldCertificate leaf(String name, HeldCertificate issuer) {
    return new HeldCertificate.Builder()
        .commonName(name)
        .addSubjectAlternativeName(HOST)
        .addSubjectAlternativeName(OTHER_HOST)
        .addSubjectAlternativeName("127.0.0.1")
        .signedBy(issuer)
        .build();
  }

  /**
   * An HTTPS server on 127.0.0.1 presenting {@code leaf} and {@code intermediates}; answers 200
   * "ok".
   */
  static MockWebServer server(HeldCertificate leaf, X509Certificate... intermediates)
      throws IOException {
    MockWebServer server = new MockWebServer();
    HandshakeCertificates serverCertificates =
        new HandshakeCertificates.Builder().heldCertificate(leaf, intermediates).build();
    server.useHttps(serverCertificates.sslSocketFactory());
    server.setDispatcher(always(new MockResponse.Builder().body("ok").build()));
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  /** A dispatcher that answers every request with {@code response}. */
  static Dispatcher always(MockResponse response) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return response;
      }
    };
  }

  /** {@code server}'s URL under {@code host}. */
  static HttpUrl url(MockWebServer server, String host) {
    return server.url("/").newBuilder().host(host).build();
  }

  /** A base client whose DNS sends every host to 127.0.0.1. */
  static OkHttpClient loopbackClient() {
    return new OkHttpClient.Builder()
        .dns(host -> List.of(InetAddress.getByName("127.0.0.1")))
        .build();
  }

  static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** A scheme that adds nothing: these tests are about TLS only. */
  static final AuthScheme NO_AUTH = new AuthScheme() {
    @Override
    public String kind() {
      return "none";
    }

    @Override
    public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
      return () -> {};
    }
  };
}
