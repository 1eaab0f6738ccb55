package dev.latchkey.runtime.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class PinsTest {
  @Test
  void pinIsSha256OfTheSubjectPublicKeyInfo() throws Exception {
    HeldCertificate certificate = TestPki.root("Root");
    byte[] spki = certificate.certificate().getPublicKey().getEncoded();
    String expected = "sha256/"
        + Base64.getEncoder()
            .encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    assertEquals(expected, Pins.pin(certificate.certificate()));
  }

  @Test
  void fetchChainPinsListsTheServedChainUpToTheAnchorTheServerDoesNotSend() throws IOException {
    HeldCertificate root = TestPki.root("Root");
    HeldCertificate intermediate = TestPki.intermediate("Issuing CA", root);
    HeldCertificate leaf = TestPki.leaf("leaf", intermediate);
    try (MockWebServer server = TestPki.server(leaf, intermediate.certificate())) {
      HttpUrl url = TestPki.url(server, "127.0.0.1");
      assertEquals(
          List.of(
              Pins.pin(leaf.certificate()),
              Pins.pin(intermediate.certificate()),
              Pins.pin(root.certificate())),
          Pins.fetchChainPins(url, root.certificatePem()));
      assertThrows(
          SSLHandshakeException.class,
          () -> Pins.fetchChainPins(url),
          "an untrusted chain is refused without the extra PEM");
    }
  }

  @Test
  void fetchChainPinsNeedsHttps() {
    assertThrows(
        LatchkeyConfigException.class,
        () -> Pins.fetchChainPins(HttpUrl.get("http://127.0.0.1:1/")));
  }
}
