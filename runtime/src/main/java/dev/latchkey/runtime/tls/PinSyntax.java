package dev.latchkey.runtime.tls;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.util.Base64;
import okhttp3.CertificatePinner;

/**
 * Checks pins and host patterns before OkHttp sees them. OkHttp's own checks are too lenient for
 * configuration typed by people: it accepts {@code sha1/} pins, decodes base64 leniently and never
 * checks the hash length, so a truncated pin copied from a web page would silently pin nothing.
 */
final class PinSyntax {
  static final String PREFIX = "sha256/";
  private static final int SHA256_BYTES = 32;

  private PinSyntax() {}

  /** Returns {@code pin} if it is {@code sha256/} + strict base64 of 32 bytes, else throws. */
  static String checkPin(String pattern, String pin) {
    if (pin == null || pin.isBlank()) {
      throw new LatchkeyConfigException("TLS pins for '" + pattern + "': empty pin");
    }
    String trimmed = pin.strip();
    if (!trimmed.startsWith(PREFIX)) {
      throw new LatchkeyConfigException("TLS pins for '"
          + pattern
          + "': pin '"
          + trimmed
          + "' must start with 'sha256/' (an SPKI SHA-256 hash in base64)");
    }
    byte[] hash;
    try {
      hash = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new LatchkeyConfigException(
          "TLS pins for '" + pattern + "': pin '" + trimmed + "' is not valid base64");
    }
    if (hash.length != SHA256_BYTES) {
      throw new LatchkeyConfigException("TLS pins for '"
          + pattern
          + "': pin '"
          + trimmed
          + "' decodes to "
          + hash.length
          + " bytes; a SHA-256 hash has 32");
    }
    return trimmed;
  }

  /**
   * Returns the pattern as OkHttp canonicalises it ({@code host}, {@code *.host} or {@code
   * **.host}), else throws. OkHttp is the judge so that what we accept is what it matches.
   */
  static String checkPattern(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw new LatchkeyConfigException("TLS pins: empty host pattern");
    }
    String trimmed = pattern.strip();
    try {
      return patternPin(trimmed).getPattern();
    } catch (IllegalArgumentException e) {
      throw new LatchkeyConfigException("TLS pins: bad host pattern '"
          + trimmed
          + "'; use 'host', '*.host' (one label) or '**.host' (any depth), no scheme or port");
    }
  }

  /** Whether {@code pattern} (already checked) covers {@code host}, by OkHttp's own matching. */
  static boolean covers(String pattern, String host) {
    return patternPin(pattern).matchesHostname(host);
  }

  /** A Pin with a dummy hash: OkHttp validates and matches patterns only through Pin. */
  private static CertificatePinner.Pin patternPin(String pattern) {
    return new CertificatePinner.Pin(pattern, PREFIX + "A".repeat(43) + "=");
  }
}
