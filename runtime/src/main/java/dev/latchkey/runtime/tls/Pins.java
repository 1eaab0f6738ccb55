package dev.latchkey.runtime.tls;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import okhttp3.CertificatePinner;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;

/**
 * Computes SPKI pins, and prints a server's, so that operators can pin from configuration (seed
 * 000: "You can get full information about our certificates chain by executing ... openssl"; this
 * is the same without openssl, and gives the pins directly).
 */
public final class Pins {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private Pins() {}

  /** The SPKI pin of {@code certificate}: {@code sha256/} + base64 of its public key's SHA-256. */
  public static String pin(X509Certificate certificate) {
    return CertificatePinner.pin(certificate);
  }

  /**
   * The pins of the chain {@code url}'s server presents, cleaned up to the trust anchor, leaf
   * first.
   */
  public static List<String> fetchChainPins(HttpUrl url) throws IOException {
    return fetchChainPins(url, null);
  }

  /**
   * The pins of the chain {@code url}'s server presents, ordered from the leaf to the trust anchor
   * (added when the server does not send it), leaf first.
   *
   * @param extraTrustPem CA certificates to trust beside the platform roots, for self-signed or
   *     test chains; null for none
   * @throws IOException if the server cannot be reached or its chain is not trusted
   * @throws LatchkeyConfigException if {@code url} is not https or the PEM text is bad
   */
  public static List<String> fetchChainPins(HttpUrl url, String extraTrustPem) throws IOException {
    return fetchChain(url, extraTrustPem).stream().map(Pins::pin).toList();
  }

  /**
   * The certificates behind {@link #fetchChainPins(HttpUrl, String)}, for printing subjects next to
   * the pins ({@code Pins.pin(c) + " " + c.getSubjectX500Principal()}).
   */
  public static List<X509Certificate> fetchChain(HttpUrl url, String extraTrustPem)
      throws IOException {
    if (url == null || !url.isHttps()) {
      throw new LatchkeyConfigException("pins: need an https URL, got " + url);
    }
    HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder();
    trust.addPlatformTrustedCertificates();
    if (extraTrustPem != null) {
      PemCertificates.parse(extraTrustPem).forEach(trust::addTrustedCertificate);
    }
    HandshakeCertificates certificates = trust.build();
    OkHttpClient client = new OkHttpClient.Builder()
        .sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager())
        .followRedirects(false)
        .callTimeout(TIMEOUT)
        .build();
    try (Response response =
        client.newCall(new Request.Builder().url(url).head().build()).execute()) {
      Handshake handshake = response.handshake();
      List<Certificate> served = handshake == null ? List.of() : handshake.peerCertificates();
      return ChainCleaner.clean(served, certificates.trustManager());
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
