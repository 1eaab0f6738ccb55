package dev.latchkey.runtime.token;

import static dev.latchkey.runtime.token.TokenTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtLoginTest {
  private static final KeyPair KEYS = rsa();

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void signsAnRs256JwtThatTheJdkVerifies() throws Exception {
    JwtSigningKey key = new JwtSigningKey("alice", "laptop-key", KEYS.getPrivate());
    String jwt = JwtSigner.sign(key, Instant.ofEpochSecond(1_700_000_000L));
    String[] parts = jwt.split("\\.");
    assertEquals(3, parts.length);
    assertFalse(jwt.contains("="), "base64url without padding");
    Base64.Decoder decoder = Base64.getUrlDecoder();
    assertEquals(
        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"laptop-key\"}",
        new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
    assertEquals(
        "{\"sub\":\"alice\",\"iat\":1700000000}",
        new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(KEYS.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verifier.verify(decoder.decode(parts[2])));
  }

  @Test
  void jwtLoginPostsTextPlainToTheJwtPath() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    FakeXandr fake = new FakeXandr(clock);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(fake);
      server.start();
      TokenScheme scheme = TokenTestSupport.xandr()
          .credentials(null)
          .jwtPath("v2/auth/jwt")
          .signingKey(new JwtSigningKey("alice", "k1", KEYS.getPrivate()))
          .build();
      try (LatchkeyClient client = TokenTestSupport.client(
          server.url("/").toString(), clock, scheme, TokenTestSupport.events())) {
        assertTrue(get(client, "member").startsWith("200 "));
      }
      RecordedRequest login = fake.loginRequests.get(0);
      assertEquals("/v2/auth/jwt", login.getUrl().encodedPath());
      assertTrue(login.getHeaders().get("Content-Type").startsWith("text/plain"));
      String[] parts = login.getBody().utf8().split("\\.");
      JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(Base64.getUrlDecoder().decode(parts[1]));
      assertEquals(clock.instant().getEpochSecond(), claims.get("iat").asLong());
    }
  }

  @Test
  void readsPkcs8PemAndRefusesPkcs1(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("key.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(KEYS.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    JwtSigningKey key = JwtSigningKey.fromPem("alice", "k1", pem);
    assertEquals(KEYS.getPrivate(), key.key());
    assertFalse(key.toString()
        .contains(
            Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded()).substring(0, 20)));

    Path pkcs1 = dir.resolve("rsa.pem");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    LatchkeyConfigException e =
        assertThrows(LatchkeyConfigException.class, () -> JwtSigningKey.fromPem("a", "k", pkcs1));
    assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
  }
}
