package dev.latchkey.samples.ondemand;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server half of HTTP Digest (RFC 7616, RFC 2617) for the On-Demand simulator: writes
 * challenges and checks {@code Authorization} headers. Offers SHA-256 then MD5 (RFC 7616 §3.7: the
 * preferred algorithm first), {@code qop="auth"} only, an {@code opaque} that must be echoed. The
 * {@code -sess} variants are accepted too. Hand-written: the JDK has no digest server, and the
 * simulator must count what happens (fresh nonce, stale, replay) for {@code /__sim/stats}.
 */
final class DigestGate {

  /** What a request's credentials amount to. */
  enum Outcome {
    /** Authenticated with a nonce that had authenticated before. */
    OK,
    /** Authenticated, and the first success of this nonce: a "login". */
    OK_FRESH_NONCE,
    /** No Digest credentials at all: answer with a challenge. */
    MISSING,
    /** Right password, but the nonce ran out or is unknown: challenge with {@code stale=true}. */
    STALE,
    /** Right password and nonce, but a nonce count already used. */
    REPLAY,
    /** Wrong user, password, realm, URI, opaque or a malformed header. */
    BAD
  }

  private final String realm;
  private final String user;
  private final char[] password;
  private final NonceBook nonces;
  private final String opaque;

  DigestGate(String realm, String user, char[] password, NonceBook nonces) {
    this.realm = realm;
    this.user = user;
    this.password = password.clone();
    this.nonces = nonces;
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    this.opaque = Base64.getEncoder().encodeToString(bytes);
  }

  /** The {@code WWW-Authenticate} values for a 401: one fresh nonce, offered as SHA-256 and MD5. */
  List<String> challenges(boolean stale) {
    String nonce = nonces.issue();
    String common = "realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\""
        + opaque + "\"" + (stale ? ", stale=true" : "");
    return List.of(
        "Digest " + common + ", algorithm=SHA-256", "Digest " + common + ", algorithm=MD5");
  }

  /** Checks the {@code Authorization} header of a {@code method} request for {@code uri}. */
  Outcome check(String method, String uri, String header) {
    Map<String, String> p = DigestParams.parse(header);
    if (p == null) {
      return header == null || !header.regionMatches(true, 0, "Digest", 0, 6)
          ? Outcome.MISSING
          : Outcome.BAD;
    }
    String algorithm = p.getOrDefault("algorithm", "MD5");
    String hash = javaName(algorithm);
    if (hash == null
        || !has(p, "username", "realm", "nonce", "uri", "response", "qop", "nc", "cnonce")
        || !"auth".equals(p.get("qop"))
        || !opaque.equals(p.get("opaque"))
        || !realm.equals(p.get("realm"))
        || !user.equals(p.get("username"))
        || !uri.equals(p.get("uri"))
        || !p.get("nc").matches("[0-9a-fA-F]{8}")) {
      return Outcome.BAD;
    }
    String expected = expectedResponse(hash, algorithm, method, p);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        p.get("response").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      return Outcome.BAD;
    }
    NonceBook.Entry entry = nonces.find(p.get("nonce"));
    if (entry == null || nonces.expired(entry)) {
      return Outcome.STALE;
    }
    if (!entry.firstUseOf(Long.parseLong(p.get("nc"), 16))) {
      return Outcome.REPLAY;
    }
    return entry.firstSuccess() ? Outcome.OK_FRESH_NONCE : Outcome.OK;
  }

  // RFC 7616 §3.4.1-3.4.3: response = H(HA1:nonce:nc:cnonce:qop:HA2), HA2 = H(method:uri).
  private String expectedResponse(
      String hash, String algorithm, String method, Map<String, String> p) {
    String ha1 = hex(hash, user + ":" + realm + ":" + new String(password));
    if (algorithm.toLowerCase(Locale.ROOT).endsWith("-sess")) {
      ha1 = hex(hash, ha1 + ":" + p.get("nonce") + ":" + p.get("cnonce"));
    }
    String ha2 = hex(hash, method + ":" + p.get("uri"));
    return hex(
        hash,
        String.join(":", ha1, p.get("nonce"), p.get("nc"), p.get("cnonce"), p.get("qop"), ha2));
  }

  private static String javaName(String algorithm) {
    switch (algorithm.toUpperCase(Locale.ROOT)) {
      case "MD5":
      case "MD5-SESS":
        return "MD5";
      case "SHA-256":
      case "SHA-256-SESS":
        return "SHA-256";
      default:
        return null;
    }
  }

  private static boolean has(Map<String, String> p, String... names) {
    for (String name : names) {
      if (p.get(name) == null || p.get(name).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static String hex(String hash, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance(hash);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + hash, e);
    }
  }
}
