package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.runtime.Mappers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Makes the compact RS256 JWT Xandr's {@code /v2/auth/jwt} takes (RFC 7515 §7.1, RFC 7518 §3.3).
 *
 * <p>Hand-written on purpose: it is one fixed header, two claims and one JDK {@code SHA256withRSA}
 * signature; a JWT library (jjwt, nimbus-jose-jwt) would add several dependencies and a key-handling
 * API of its own for about twenty lines of code, and nothing here parses or verifies tokens.
 */
final class JwtSigner {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private JwtSigner() {}

  /** Header {@code {"alg":"RS256","typ":"JWT","kid":..}}, claims {@code {"sub":..,"iat":..}}. */
  static String sign(JwtSigningKey key, Instant issuedAt) throws GeneralSecurityException {
    ObjectNode header = Mappers.treeJson()
        .createObjectNode()
        .put("alg", "RS256")
        .put("typ", "JWT")
        .put("kid", key.keyName());
    ObjectNode claims = Mappers.treeJson()
        .createObjectNode()
        .put("sub", key.user())
        .put("iat", issuedAt.getEpochSecond());
    String signingInput = encode(header) + "." + encode(claims);
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key.key());
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + B64URL.encodeToString(signature.sign());
  }

  private static String encode(ObjectNode node) {
    try {
      return B64URL.encodeToString(Mappers.treeJson().writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot happen: serialising a tree of strings and numbers", e);
    }
  }
}
