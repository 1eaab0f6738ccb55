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
 *
 * <p>Two forms of the same arithmetic: the static String functions ({@link #ha1}, {@link #ha2},
 * {@link #response}), simple and used where a request is rare (checking {@code
 * Authentication-Info}) and by the tests as the reference; and a {@link Workspace}, which the
 * per-request signature uses. The workspace hashes each piece straight into the digest and keeps
 * HA1, HA2 and the response as hex in this thread's buffers, so a signature builds no
 * intermediate String: those concatenations were most of the 2.3 KB a request allocated (issue 8's
 * goal is under 2 KB per request for the whole interceptor chain).
 */
final class DigestCalculator {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);

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
    updateEncoded(md, password, charset);
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

  /** This thread's workspace; see {@link Workspace} for the rules of its use. */
  static Workspace workspace() {
    return WORKSPACES.get();
  }

  /**
   * This thread's digest for {@code algorithm}, reset. A request hashes three times; looking a
   * digest up in the JCA providers each time cost more allocation than the rest of the signature.
   * Never shared between threads (MessageDigest is not thread-safe) and never held across calls.
   */
  private static MessageDigest messageDigest(DigestAlgorithm algorithm) {
    return workspace().digest(algorithm);
  }

  /**
   * One thread's digests and buffers for signing: HA1, HA2 and the response as lower-case hex
   * bytes, and the header text. Reached only through {@link #workspace()}, used by one signature
   * at a time from start to end (nothing in between calls back into it), never handed to another
   * thread, and nothing in it outlives the signature except as a copy (the Strings returned).
   * Password bytes are wiped from it as soon as they are hashed, HA1 when the response is done.
   */
  static final class Workspace {
    /** A header longer than this (a hostile nonce) is not kept as this thread's buffer. */
    private static final int MAX_KEPT_HEADER = 4096;
    /** The longest digest we use: SHA-256 and SHA-512/256, 32 bytes. */
    private static final int MAX_DIGEST = 32;

    private final MessageDigest[] digests = new MessageDigest[DigestAlgorithm.values().length];
    private final byte[] raw = new byte[MAX_DIGEST];
    /** Where text is turned into bytes for the digest, a chunk at a time. */
    private final byte[] chunk = new byte[128];
    private final byte[] ha1 = new byte[2 * MAX_DIGEST];
    private final byte[] ha2 = new byte[2 * MAX_DIGEST];
    private final byte[] response = new byte[2 * MAX_DIGEST];
    private StringBuilder header = new StringBuilder(384);
    private DigestAlgorithm algorithm = DigestAlgorithm.MD5;
    private int hexLength;

    private Workspace() {}

    private MessageDigest digest(DigestAlgorithm wanted) {
      MessageDigest md = digests[wanted.ordinal()];
      if (md == null) {
        try {
          md = MessageDigest.getInstance(wanted.jcaName());
        } catch (NoSuchAlgorithmException e) {
          // Every Java 17 runtime ships MD5, SHA-256 and SHA-512/256 (JCA standard names).
          throw new IllegalStateException("JCA lacks " + wanted.jcaName(), e);
        }
        digests[wanted.ordinal()] = md;
      }
      md.reset();
      return md;
    }

    /** Starts a signature with {@code algorithm}: every later step hashes with it. */
    Workspace begin(DigestAlgorithm algorithm) {
      this.algorithm = algorithm;
      this.hexLength = 2 * digest(algorithm).getDigestLength();
      return this;
    }

    /**
     * HA1 = H(user:realm:password), or for {@code -sess} H(H(user:realm:password):nonce:cnonce),
     * as {@link DigestCalculator#ha1} computes it, kept in this workspace.
     */
    void ha1(String user, String realm, char[] password, Charset charset, String nonce,
        String cnonce) {
      MessageDigest md = digest(algorithm);
      update(md, user, charset);
      md.update((byte) ':');
      update(md, realm, charset);
      md.update((byte) ':');
      updatePassword(md, password, charset);
      finish(md, ha1);
      if (algorithm.session()) {
        md = digest(algorithm);
        md.update(ha1, 0, hexLength);
        md.update((byte) ':');
        update(md, nonce, StandardCharsets.UTF_8);
        md.update((byte) ':');
        update(md, cnonce, StandardCharsets.UTF_8);
        finish(md, ha1);
      }
    }

    /** HA2 = H(method:uri), or for auth-int H(method:uri:H(body)), kept in this workspace. */
    void ha2(String method, String uri, String bodyHash) {
      MessageDigest md = digest(algorithm);
      update(md, method, StandardCharsets.UTF_8);
      md.update((byte) ':');
      update(md, uri, StandardCharsets.UTF_8);
      if (bodyHash != null) {
        md.update((byte) ':');
        update(md, bodyHash, StandardCharsets.UTF_8);
      }
      finish(md, ha2);
    }

    /**
     * The request digest from this workspace's HA1 and HA2: KD(HA1, nonce:nc:cnonce:qop:HA2), or
     * KD(HA1, nonce:HA2) without qop; {@code nc} is written as {@link DigestCalculator#nc} does.
     * Wipes HA1 from the workspace afterwards.
     */
    void response(String nonce, long count, String cnonce, String qop) {
      MessageDigest md = digest(algorithm);
      md.update(ha1, 0, hexLength);
      md.update((byte) ':');
      update(md, nonce, StandardCharsets.UTF_8);
      md.update((byte) ':');
      if (qop != null) {
        int digits = ncDigits(count);
        for (int i = 0; i < digits; i++) {
          chunk[i] = HEX_DIGITS[(int) (count >>> (4 * (digits - 1 - i))) & 0xf];
        }
        md.update(chunk, 0, digits);
        md.update((byte) ':');
        update(md, cnonce, StandardCharsets.UTF_8);
        md.update((byte) ':');
        update(md, qop, StandardCharsets.UTF_8);
        md.update((byte) ':');
      }
      md.update(ha2, 0, hexLength);
      finish(md, response);
    }

    /** HA1 as a String (kept with the request to check {@code rspauth}). */
    String ha1Text() {
      return new String(ha1, 0, hexLength, StandardCharsets.ISO_8859_1);
    }

    /** The response digest as a String. */
    String responseText() {
      return new String(response, 0, hexLength, StandardCharsets.ISO_8859_1);
    }

    /** Appends the response digest to {@code out} without making a String of it first. */
    void appendResponse(StringBuilder out) {
      for (int i = 0; i < hexLength; i++) {
        out.append((char) response[i]);
      }
    }

    /** Wipes HA1 (a password equivalent for its realm) once the signature no longer needs it. */
    void forgetHa1() {
      Arrays.fill(ha1, (byte) 0);
    }

    /**
     * This thread's header builder, empty. Reused: the header is the longest text a request
     * builds, and a fresh builder for it plus its copy into a String was another 700 bytes.
     */
    StringBuilder header() {
      if (header.capacity() > MAX_KEPT_HEADER) {
        header = new StringBuilder(384);
      }
      header.setLength(0);
      return header;
    }

    /** Digests into {@code raw}, then writes it as lower-case hex into {@code hex}. */
    private void finish(MessageDigest md, byte[] hex) {
      try {
        md.digest(raw, 0, raw.length);
      } catch (java.security.DigestException e) {
        throw new IllegalStateException(algorithm.jcaName() + " digest longer than expected", e);
      }
      for (int i = 0; i < hexLength / 2; i++) {
        hex[2 * i] = HEX_DIGITS[(raw[i] >> 4) & 0xf];
        hex[2 * i + 1] = HEX_DIGITS[raw[i] & 0xf];
      }
      Arrays.fill(raw, (byte) 0);
    }

    /**
     * Hashes {@code text} in {@code charset}, byte for byte what {@code text.getBytes(charset)}
     * gives: directly when every character is one byte in it (always for ISO-8859-1 once {@link
     * #credentialCharset} chose it, and for ASCII in UTF-8, i.e. nearly always), else through
     * {@code getBytes}.
     */
    private void update(MessageDigest md, String text, Charset charset) {
      int limit = charset == StandardCharsets.ISO_8859_1 ? 0xff : 0x7f;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) > limit) {
          md.update(text.getBytes(charset));
          return;
        }
      }
      for (int start = 0; start < text.length(); start += chunk.length) {
        int n = Math.min(chunk.length, text.length() - start);
        for (int i = 0; i < n; i++) {
          chunk[i] = (byte) text.charAt(start + i);
        }
        md.update(chunk, 0, n);
      }
    }

    /** Like {@link #update} for the password, whose bytes are wiped from wherever they passed. */
    private void updatePassword(MessageDigest md, char[] password, Charset charset) {
      int limit = charset == StandardCharsets.ISO_8859_1 ? 0xff : 0x7f;
      for (char c : password) {
        if (c > limit) {
          updateEncoded(md, password, charset);
          return;
        }
      }
      for (int start = 0; start < password.length; start += chunk.length) {
        int n = Math.min(chunk.length, password.length - start);
        for (int i = 0; i < n; i++) {
          chunk[i] = (byte) password[start + i];
        }
        md.update(chunk, 0, n);
      }
      Arrays.fill(chunk, (byte) 0);
    }
  }

  /** The password through the charset's encoder (multi-byte characters), every copy wiped. */
  private static void updateEncoded(MessageDigest md, char[] password, Charset charset) {
    ByteBuffer encoded = charset.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    md.update(bytes);
    Arrays.fill(bytes, (byte) 0);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
  }

  /** How many hex digits {@code nc} has: 8, or more for a count past 32 bits. */
  static int ncDigits(long count) {
    return Math.max(8, (64 - Long.numberOfLeadingZeros(count) + 3) / 4);
  }
}
