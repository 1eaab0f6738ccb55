package dev.latchkey.samples.sim;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.latchkey.samples.cli.Options;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A fresh root -> intermediate -> leaf chain for a simulator served over HTTPS ({@code simulate
 * NAME --tls}). The server sends the leaf and the intermediate only, like a real site, so a client
 * must trust the root (a file printed by the CLI) and may pin the intermediate. Keys are made per
 * run and never written; only the two CA certificates are printed or saved.
 */
public final class SimTls {
  private final HeldCertificate root;
  private final HeldCertificate intermediate;
  private final HandshakeCertificates served;

  private SimTls(HeldCertificate root, HeldCertificate intermediate, HeldCertificate leaf) {
    this.root = root;
    this.intermediate = intermediate;
    this.served = new HandshakeCertificates.Builder()
        .heldCertificate(leaf, intermediate.certificate())
        .build();
  }

  /** A new chain whose leaf names 127.0.0.1 and localhost. */
  public static SimTls generate() {
    HeldCertificate root = new HeldCertificate.Builder()
        .commonName("Latchkey simulator root")
        .certificateAuthority(1)
        .build();
    HeldCertificate intermediate = new HeldCertificate.Builder()
        .commonName("Latchkey simulator intermediate")
        .certificateAuthority(0)
        .signedBy(root)
        .build();
    HeldCertificate leaf = new HeldCertificate.Builder()
        .commonName("127.0.0.1")
        .addSubjectAlternativeName("127.0.0.1")
        .addSubjectAlternativeName("localhost")
        .signedBy(intermediate)
        .build();
    return new SimTls(root, intermediate, leaf);
  }

  /** A new chain if {@code options} has {@code --tls}, else null (plain HTTP). */
  public static SimTls fromOptions(Options options) {
    return options.has("--tls") ? generate() : null;
  }

  /** The root CA certificate as PEM: what a client adds with {@code --trust-pem}. */
  public String rootPem() {
    return root.certificatePem();
  }

  /** The intermediate CA certificate as PEM. */
  public String intermediatePem() {
    return intermediate.certificatePem();
  }

  /**
   * A server on loopback {@code port}: plain HTTP when {@code tls} is null, else HTTPS with its
   * chain, with {@code TCP_NODELAY} on its connections (see {@link NagleOff}). Not started.
   */
  public static HttpServer create(int port, SimTls tls) throws IOException {
    NagleOff.beforeFirstServer(); // or every keep-alive answer waits out a delayed ACK
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    if (tls == null) {
      return HttpServer.create(address, 0);
    }
    HttpsServer server = HttpsServer.create(address, 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.served.sslContext()));
    return server;
  }

  /** {@code http://127.0.0.1:P/} or {@code https://127.0.0.1:P/} for {@code server}. */
  public static String baseUrl(HttpServer server) {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/";
  }
}
