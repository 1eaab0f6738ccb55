package dev.latchkey.runtime.digest;

import java.util.Locale;
import java.util.Optional;

/** The digest algorithms of RFC 7616 section 3.3 (MD5 also from RFC 2617). */
public enum DigestAlgorithm {
  MD5("MD5", "MD5"),
  MD5_SESS("MD5-sess", "MD5"),
  SHA_256("SHA-256", "SHA-256"),
  SHA_256_SESS("SHA-256-sess", "SHA-256"),
  /** FIPS 180-4 SHA-512/256 (its own initial values), not SHA-512 cut to 256 bits. */
  SHA_512_256("SHA-512-256", "SHA-512/256"),
  SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256");

  private final String token;
  private final String jcaName;

  DigestAlgorithm(String token, String jcaName) {
    this.token = token;
    this.jcaName = jcaName;
  }

  /** The name used in the {@code algorithm} parameter, e.g. {@code SHA-256-sess}. */
  public String token() {
    return token;
  }

  /** The JCA {@link java.security.MessageDigest} name. */
  String jcaName() {
    return jcaName;
  }

  /** Whether HA1 also covers the nonce and cnonce (RFC 7616 section 3.4.2). */
  boolean session() {
    return token.endsWith("-sess");
  }

  /** The algorithm a challenge names; matching is case-insensitive (RFC 7616 section 3.3). */
  static Optional<DigestAlgorithm> fromToken(String token) {
    String wanted = token.toLowerCase(Locale.ROOT);
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.token.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
