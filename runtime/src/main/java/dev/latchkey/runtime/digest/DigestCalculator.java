package dev.latchkey.runtime.digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash arithmetic of RFC 7616 section 3.4 (and RFC 2617 section 3.2.2), with no I/O and no
 * state. Passwords stay in {@code char[]}/{@code byte[]} and are wiped after hashing.
 */
final class DigestCalculator {
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest[]> DIGESTS =
      ThreadLocal.withInitial(() -> new MessageDigest[DigestAlgorithm.values().length]);

  private DigestCalculator() {}

  /**
   * The charset for user name and password: UTF-8 when the server announced it (RFC 7616 section
   * 3.3), else ISO-8859-1 as RFC 2617 servers (Jetty among them) expect, unless a character does
   * not fit, where UTF-8 is the only sensible choice.
   */
  static Charset credentialCharset(DigestChallenge challenge, String user, char[] password) {
    if (challenge.utf8()) {
      return StandardCharsets.UTF_8;
    }
    // A loop, not a CharsetEncoder: this runs on every request, and an encoder allocates.
    return latin1(user) && latin1(password) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
  }

  private static boolean latin1(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xff) {
        return false;
      }
    }
    return true;
  }

  private static boolean latin1(char[] text) {
    for (char c : text) {
      if (c > 0xff) {
        return false;
      }
    }
    return true;
  }

  /** HA1 = H(user:realm:password), or for {@code -sess} H(H(user:realm:password):nonce:cnonce). */
  static String ha1(
      DigestAlgorithm algorithm,
      String user,
      String realm,
      char[] password,
      Charset charset,
      String nonce,
      String cnonce) {
    MessageDigest md = messageDigest(algorithm);
    md.update((user + ":" + realm + ":").getBytes(charset));
    ByteBuffer encoded = charset.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    md.update(bytes);
    Arrays.fill(bytes, (byte) 0);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    String ha1 = HEX.formatHex(md.digest());
    if (algorithm.session()) {
      ha1 = hash(algorithm, ha1 + ":" + nonce + ":" + cnonce);
    }
    return ha1;
  }

  /** HA2 = H(method:uri), or for auth-int H(method:uri:H(body)). */
  static String ha2(DigestAlgorithm algorithm, String method, String uri, String bodyHash) {
    return bodyHash == null
        ? hash(algorithm, method + ":" + uri)
        : hash(algorithm, method + ":" + uri + ":" + bodyHash);
  }

  /**
   * The request digest: KD(HA1, nonce:nc:cnonce:qop:HA2), or KD(HA1, nonce:HA2) when the server
   * offered no qop (RFC 2069 compatibility, RFC 2617 section 3.2.2.1).
   */
  static String response(
      DigestAlgorithm algorithm,
      String ha1,
      String nonce,
      String nc,
      String cnonce,
      String qop,
      String ha2) {
    return qop == null
        ? hash(algorithm, ha1 + ":" + nonce + ":" + ha2)
        : hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
  }

  /** The hashed user name of RFC 7616 section 3.4.4: H(user:realm). */
  static String userhash(DigestAlgorithm algorithm, String user, String realm, Charset charset) {
    return HEX.formatHex(messageDigest(algorithm).digest((user + ":" + realm).getBytes(charset)));
  }

  /** H(body) for auth-int. */
  static String hash(DigestAlgorithm algorithm, byte[] data) {
    return HEX.formatHex(messageDigest(algorithm).digest(data));
  }

  /** {@code nc}: the count as exactly 8 lower-case hex digits (RFC 7616 section 3.4). */
  static String nc(long count) {
    // Not String.format: it parses its pattern on every call and this runs on every request.
    String hex = Long.toHexString(count);
    return hex.length() >= 8 ? hex : "00000000".substring(hex.length()) + hex;
  }

  private static String hash(DigestAlgorithm algorithm, String data) {
    return hash(algorithm, data.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * This thread's digest for {@code algorithm}, reset. A request hashes three times; looking a
   * digest up in the JCA providers each time cost more allocation than the rest of the signature.
   * Never shared between threads (MessageDigest is not thread-safe) and never held across calls.
   */
  private static MessageDigest messageDigest(DigestAlgorithm algorithm) {
    MessageDigest[] mine = DIGESTS.get();
    MessageDigest md = mine[algorithm.ordinal()];
    if (md == null) {
      try {
        md = MessageDigest.getInstance(algorithm.jcaName());
      } catch (NoSuchAlgorithmException e) {
        // Every Java 17 runtime ships MD5, SHA-256 and SHA-512/256 (JCA standard names).
        throw new IllegalStateException("JCA lacks " + algorithm.jcaName(), e);
      }
      mine[algorithm.ordinal()] = md;
    }
    md.reset();
    return md;
  }
}
