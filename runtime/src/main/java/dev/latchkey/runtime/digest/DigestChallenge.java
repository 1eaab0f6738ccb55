package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.UnexpectedAnswerException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Digest challenge (RFC 7616 section 3.3), validated.
 *
 * @param realm the realm; part of the protection space
 * @param nonce the server nonce
 * @param opaque echoed unchanged when present (may be null)
 * @param algorithmToken the {@code algorithm} parameter as sent, or null (means MD5)
 * @param qops the offered qop values, lower-cased; empty means RFC 2069 (no qop)
 * @param stale whether the server said the previous nonce was merely stale
 * @param userhash whether the server supports hashed user names (section 3.4.4)
 * @param utf8 whether the server announced {@code charset=UTF-8} (section 3.3)
 */
record DigestChallenge(
    String realm,
    String nonce,
    String opaque,
    String algorithmToken,
    Set<String> qops,
    boolean stale,
    boolean userhash,
    boolean utf8) {

  static final String AUTH = "auth";
  static final String AUTH_INT = "auth-int";

  DigestChallenge {
    qops = Set.copyOf(qops);
  }

  /** Reads a challenge's parameters; a missing realm or nonce is a protocol error. */
  static DigestChallenge from(Map<String, String> params) throws UnexpectedAnswerException {
    String realm = params.get("realm");
    String nonce = params.get("nonce");
    if (realm == null) {
      throw new UnexpectedAnswerException("Digest challenge without the required realm parameter");
    }
    if (nonce == null || nonce.isEmpty()) {
      throw new UnexpectedAnswerException("Digest challenge without the required nonce parameter");
    }
    for (String echoed : new String[] {"realm", "nonce", "opaque"}) {
      requireHeaderSafe(echoed, params.get(echoed));
    }
    Set<String> qops = new LinkedHashSet<>();
    String qop = params.get("qop");
    if (qop != null) {
      for (String value : qop.split(",", 16)) {
        if (!value.isBlank()) {
          qops.add(value.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return new DigestChallenge(
        realm,
        nonce,
        params.get("opaque"),
        params.get("algorithm"),
        qops,
        "true".equalsIgnoreCase(params.get("stale")),
        "true".equalsIgnoreCase(params.get("userhash")),
        "UTF-8".equalsIgnoreCase(params.get("charset")));
  }

  /**
   * Values we echo in {@code Authorization} must be printable ASCII: OkHttp refuses anything else
   * with an unchecked exception, which would escape the call untyped (found by the hostile suite).
   * The value itself is not quoted: a nonce is not a secret, but the flood may be huge.
   */
  static void requireHeaderSafe(String name, String value) throws UnexpectedAnswerException {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7e) {
        throw new UnexpectedAnswerException("Digest " + name + " holds character 0x"
            + Integer.toHexString(c) + " at " + i + ", which a request header cannot carry back");
      }
    }
  }

  /** The algorithm, if we support it; an absent parameter means MD5 (RFC 7616 section 3.3). */
  Optional<DigestAlgorithm> algorithm() {
    return algorithmToken == null
        ? Optional.of(DigestAlgorithm.MD5)
        : DigestAlgorithm.fromToken(algorithmToken);
  }

  /** Whether we can answer the offered qop: none (RFC 2069), auth or auth-int. */
  boolean qopUsable() {
    return qops.isEmpty() || qops.contains(AUTH) || qops.contains(AUTH_INT);
  }

  /** The same challenge with the server's {@code nextnonce} (RFC 7616 section 3.5). */
  DigestChallenge withNonce(String next) {
    return new DigestChallenge(realm, next, opaque, algorithmToken, qops, false, userhash, utf8);
  }

  /** Secret-free description for events and messages. */
  String describe() {
    return "realm=" + realm + " algorithm=" + (algorithmToken == null ? "MD5" : algorithmToken)
        + " qop=" + qops + " stale=" + stale;
  }
}
