package dev.latchkey.runtime.tls;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every certificate of a PEM text. okhttp-tls's {@code decodeCertificatePem} takes exactly
 * one certificate, but a CA bundle or {@code openssl s_client -showcerts} output holds several,
 * with text between them; so blocks are cut out here and each is decoded by the JDK.
 */
final class PemCertificates {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

  private PemCertificates() {}

  static List<X509Certificate> parse(String pemText) {
    if (pemText == null || pemText.isBlank()) {
      throw new LatchkeyConfigException("TLS trust: empty PEM text");
    }
    List<X509Certificate> result = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(pemText);
    while (matcher.find()) {
      result.add(decode(matcher.group(), result.size() + 1));
    }
    if (result.isEmpty()) {
      throw new LatchkeyConfigException(
          "TLS trust: no '-----BEGIN CERTIFICATE-----' block in the PEM text");
    }
    return List.copyOf(result);
  }

  private static X509Certificate decode(String block, int index) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(
          new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      throw new LatchkeyConfigException("TLS trust: certificate #"
          + index
          + " of the PEM text cannot be decoded: "
          + e.getMessage());
    }
  }
}
