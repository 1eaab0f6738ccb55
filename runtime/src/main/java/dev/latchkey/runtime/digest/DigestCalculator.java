package dev.latchkey.runtime.digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
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
  // An anonymous class, not withInitial(Workspace::new): a lambda spins a class at its first use,
  // which a cold JVM's first call pays for (issue 17, cold start).
  private static final ThreadLocal<Workspace> WORKSPACES = new ThreadLocal<>() {
    @Override
    protected Workspace initialValue() {
      return new Workspace();
    }
  };

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
    byte[] encoded = encode(password, charset);
    md.update(encoded);
    Arrays.fill(encoded, (byte) 0);
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
    /** A header or hash input longer than this (a hostile nonce) is not kept for the thread. */
    private static final int MAX_KEPT = 4096;
    /** The longest digest we use: SHA-256 and SHA-512/256, 32 bytes. */
    private static final int MAX_DIGEST = 32;

    private final MessageDigest[] digests = new MessageDigest[DigestAlgorithm.values().length];
    private final byte[] raw = new byte[MAX_DIGEST];
    private final byte[] ha1 = new byte[2 * MAX_DIGEST];
    private final byte[] ha2 = new byte[2 * MAX_DIGEST];
    private final byte[] response = new byte[2 * MAX_DIGEST];
    private final char[] responseChars = new char[2 * MAX_DIGEST];
    /**
     * One hash input, assembled whole so each hash is a single {@code update}: many small
     * updates cost more time than the concatenations they replace.
     */
    private byte[] line = new byte[256];

    private int length;
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
    void ha1(
        String user, String realm, char[] password, Charset charset, String nonce, String cnonce) {
      length = 0;
      put(user, charset);
      put(':');
      put(realm, charset);
      put(':');
      putPassword(password, charset);
      try {
        hashLine(ha1);
      } finally {
        wipeLine(); // it held the password's bytes
      }
      if (algorithm.session()) {
        length = 0;
        put(ha1, hexLength);
        put(':');
        put(nonce, StandardCharsets.UTF_8);
        put(':');
        put(cnonce, StandardCharsets.UTF_8);
        hashLine(ha1);
        wipeLine(); // it held the inner HA1
      }
    }

    /** HA2 = H(method:uri), or for auth-int H(method:uri:H(body)), kept in this workspace. */
    void ha2(String method, String uri, String bodyHash) {
      length = 0;
      put(method, StandardCharsets.UTF_8);
      put(':');
      put(uri, StandardCharsets.UTF_8);
      if (bodyHash != null) {
        put(':');
        put(bodyHash, StandardCharsets.UTF_8);
      }
      hashLine(ha2);
    }

    /**
     * The request digest from this workspace's HA1 and HA2: KD(HA1, nonce:nc:cnonce:qop:HA2), or
     * KD(HA1, nonce:HA2) without qop; {@code nc} is written as {@link DigestCalculator#nc} does.
     */
    void response(String nonce, long count, String cnonce, String qop) {
      response(nonce, null, count, cnonce, qop);
    }

    /** Like {@link #response(String, long, String, String)}, with the nonce's UTF-8 if known. */
    void response(String nonce, byte[] nonceUtf8, long count, String cnonce, String qop) {
      length = 0;
      put(ha1, hexLength);
      put(':');
      if (nonceUtf8 != null) {
        put(nonceUtf8, nonceUtf8.length);
      } else {
        put(nonce, StandardCharsets.UTF_8);
      }
      put(':');
      if (qop != null) {
        int digits = ncDigits(count);
        for (int i = digits - 1; i >= 0; i--) {
          put((char) HEX_DIGITS[(int) (count >>> (4 * i)) & 0xf]);
        }
        put(':');
        put(cnonce, StandardCharsets.UTF_8);
        put(':');
        put(qop, StandardCharsets.UTF_8);
        put(':');
      }
      put(ha2, hexLength);
      hashLine(response);
      wipeLine(); // it held HA1
    }

    /** Takes HA1 as {@link #ha1Text} gave it for the same credentials, realm and algorithm. */
    void useHa1(String hex) {
      for (int i = 0; i < hexLength; i++) {
        ha1[i] = (byte) hex.charAt(i);
      }
    }

    /** HA1 as a String (kept with the request to check {@code rspauth}). */
    String ha1Text() {
      return new String(ha1, 0, hexLength, StandardCharsets.ISO_8859_1);
    }

    /** Appends the response digest to {@code out} without making a String of it first. */
    void appendResponse(StringBuilder out) {
      // Widened into a reused char buffer, then one append: a StringBuilder checks its capacity
      // and coder on every append(char).
      for (int i = 0; i < hexLength; i++) {
        responseChars[i] = (char) response[i];
      }
      out.append(responseChars, 0, hexLength);
    }

    /**
     * Whether the response digest is {@code hex} (either case), compared in constant time as
     * {@link java.security.MessageDigest#isEqual} does: how much of a forged {@code rspauth}
     * matched must not show in the time taken.
     */
    boolean responseEquals(String hex) {
      int difference = hex.length() ^ hexLength;
      for (int i = 0; i < hexLength; i++) {
        char c = i < hex.length() ? hex.charAt(i) : 0;
        difference |= Character.toLowerCase(c) ^ response[i];
      }
      return difference == 0;
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
      if (header.capacity() > MAX_KEPT) {
        header = new StringBuilder(384);
      }
      header.setLength(0);
      return header;
    }

    /** Digests the line into {@code raw}, then writes it as lower-case hex into {@code hex}. */
    private void hashLine(byte[] hex) {
      MessageDigest md = digest(algorithm);
      md.update(line, 0, length);
      try {
        md.digest(raw, 0, raw.length);
      } catch (DigestException e) {
        throw new IllegalStateException(algorithm.jcaName() + " digest longer than expected", e);
      }
      for (int i = 0; i < hexLength / 2; i++) {
        hex[2 * i] = HEX_DIGITS[(raw[i] >> 4) & 0xf];
        hex[2 * i + 1] = HEX_DIGITS[raw[i] & 0xf];
      }
      Arrays.fill(raw, (byte) 0);
    }

    private void wipeLine() {
      Arrays.fill(line, 0, length, (byte) 0);
      length = 0;
      if (line.length > MAX_KEPT) {
        line = new byte[256];
      }
    }

    private void put(char ascii) {
      room(1);
      line[length++] = (byte) ascii;
    }

    private void put(byte[] bytes, int count) {
      room(count);
      System.arraycopy(bytes, 0, line, length, count);
      length += count;
    }

    /**
     * Appends {@code text} in {@code charset}, byte for byte what {@code text.getBytes(charset)}
     * gives: directly when every character is one byte in it (always for ISO-8859-1 once {@link
     * #credentialCharset} chose it, and for ASCII in UTF-8, i.e. nearly always), else through
     * {@code getBytes}.
     */
    private void put(String text, Charset charset) {
      int limit = charset == StandardCharsets.ISO_8859_1 ? 0xff : 0x7f;
      int start = length;
      room(text.length());
      // One pass that copies and checks; a character the fast path cannot write undoes it.
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c > limit) {
          length = start;
          byte[] encoded = text.getBytes(charset);
          put(encoded, encoded.length);
          return;
        }
        line[length++] = (byte) c;
      }
    }

    /** Like {@link #put(String, Charset)} for the password; every other copy of it is wiped. */
    private void putPassword(char[] password, Charset charset) {
      int limit = charset == StandardCharsets.ISO_8859_1 ? 0xff : 0x7f;
      for (char c : password) {
        if (c > limit) {
          byte[] encoded = encode(password, charset);
          put(encoded, encoded.length);
          Arrays.fill(encoded, (byte) 0);
          return;
        }
      }
      room(password.length);
      for (char c : password) {
        line[length++] = (byte) c;
      }
    }

    /** Grows the line for {@code more} bytes, wiping the old one (it may hold a password). */
    private void room(int more) {
      if (length + more > line.length) {
        byte[] bigger = Arrays.copyOf(line, Math.max(2 * line.length, length + more));
        Arrays.fill(line, (byte) 0);
        line = bigger;
      }
    }
  }

  /** The password's bytes through the charset's encoder (multi-byte characters), copies wiped. */
  private static byte[] encode(char[] password, Charset charset) {
    ByteBuffer encoded = charset.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** How many hex digits {@code nc} has: 8, or more for a count past 32 bits. */
  static int ncDigits(long count) {
    return Math.max(8, (64 - Long.numberOfLeadingZeros(count) + 3) / 4);
  }
}
