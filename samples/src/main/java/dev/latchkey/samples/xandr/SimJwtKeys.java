package dev.latchkey.samples.xandr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's side of JWT login (apis.md, "JWT login"): public keys registered by name for the
 * account, and verification of an RS256 compact JWT ({@code kid} header, {@code sub} and {@code iat}
 * claims). A JWT issued more than five minutes from the simulator's clock is refused.
 */
final class SimJwtKeys {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final Map<String, PublicKey> keysByName = new ConcurrentHashMap<>();
  private final String user;
  private final Clock clock;

  SimJwtKeys(String user, Clock clock) {
    this.user = user;
    this.clock = clock;
  }

  /** Registers an X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}) under {@code name}. */
  void register(String name, String pem) throws GeneralSecurityException {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("encoded_value is not a PEM public key");
    }
    keysByName.put(name, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
  }

  /** True if {@code jwt} is a valid RS256 JWT for the account, signed by a registered key. */
  boolean verify(String jwt) {
    String[] parts = jwt.trim().split("\\.");
    if (parts.length != 3) {
      return false;
    }
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      JsonNode header = JSON.readTree(decoder.decode(parts[0]));
      JsonNode claims = JSON.readTree(decoder.decode(parts[1]));
      PublicKey key = keysByName.get(header.path("kid").asText(""));
      if (key == null
          || !"RS256".equals(header.path("alg").asText())
          || !user.equals(claims.path("sub").asText())) {
        return false;
      }
      long skew = Math.abs(
          clock.instant().getEpochSecond() - claims.path("iat").asLong(Long.MIN_VALUE / 2));
      if (skew > MAX_SKEW.toSeconds()) {
        return false;
      }
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(decoder.decode(parts[2]));
    } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
