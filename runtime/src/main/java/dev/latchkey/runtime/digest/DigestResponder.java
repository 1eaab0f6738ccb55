package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.UserPassword;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the {@code Authorization}/{@code Proxy-Authorization} value for one challenge (RFC 7616
 * section 3.4): {@code nc}, {@code qop} and {@code algorithm} unquoted, {@code opaque} echoed, a
 * hashed user name when the server asked for it, and {@code username*} (RFC 5987 encoding) for a
 * user name that a quoted-string cannot carry (section 3.4.4).
 */
final class DigestResponder {
  private DigestResponder() {}

  /**
   * Signs one request.
   *
   * @param qop {@code auth}, {@code auth-int} or null (no qop)
   * @param bodyHash H(entity-body) for auth-int, else null
   */
  static SignedRequest sign(
      DigestChallenge challenge,
      DigestAlgorithm algorithm,
      UserPassword credentials,
      String method,
      String uri,
      String qop,
      String bodyHash,
      long count,
      String cnonce) {
    return sign(challenge, algorithm, credentials, method, uri, qop, bodyHash, count, cnonce, null);
  }

  /**
   * Signs one request, with {@code nonce}'s HA1 when it was made from these very credentials
   * ({@link NonceState#knownHa1}); null {@code nonce} computes it every time.
   */
  static SignedRequest sign(
      DigestChallenge challenge,
      DigestAlgorithm algorithm,
      UserPassword credentials,
      String method,
      String uri,
      String qop,
      String bodyHash,
      long count,
      String cnonce,
      NonceState nonce) {
    String user = credentials.user();
    String sentCnonce = qop == null ? null : cnonce;
    // This thread's buffers (issue 8): the digests and the header text are built without
    // intermediate Strings; only the header (and HA1 when not known) become Strings.
    DigestCalculator.Workspace work = DigestCalculator.workspace().begin(algorithm);
    NonceState.KnownHa1 known = nonce == null ? null : nonce.knownHa1(credentials);
    Charset charset;
    String ha1;
    if (known != null) {
      charset = known.charset();
      ha1 = known.hex();
      work.useHa1(ha1);
    } else {
      char[] password = credentials.password();
      try {
        charset = DigestCalculator.credentialCharset(challenge, user, password);
        work.ha1(user, challenge.realm(), password, charset, challenge.nonce(), cnonce);
      } finally {
        Arrays.fill(password, '\0');
      }
      ha1 = work.ha1Text();
      if (nonce != null && !algorithm.session()) {
        nonce.rememberHa1(new NonceState.KnownHa1(credentials, charset, ha1));
      }
    }
    work.ha2(method, uri, bodyHash);
    work.response(challenge.nonce(), nonce == null ? null : nonce.nonceUtf8(), count, cnonce, qop);
    work.forgetHa1();
    StringBuilder header = work.header().append("Digest ");
    appendUser(header, challenge, algorithm, user, charset);
    quoted(header, "realm", challenge.realm());
    quoted(header, "uri", uri);
    if (challenge.algorithmToken() != null) {
      plain(header, "algorithm", algorithm.token());
    }
    quoted(header, "nonce", challenge.nonce());
    if (qop != null) {
      appendNc(separate(header).append("nc="), count);
      quoted(header, "cnonce", cnonce);
      plain(header, "qop", qop);
    }
    separate(header).append("response=\"");
    work.appendResponse(header);
    header.append('"');
    if (challenge.opaque() != null) {
      quoted(header, "opaque", challenge.opaque());
    }
    return new SignedRequest(header.toString(), ha1, count, sentCnonce, qop, uri);
  }

  /** {@code nc} as {@link DigestCalculator#nc} writes it, without making a String of it. */
  private static void appendNc(StringBuilder header, long count) {
    int digits = DigestCalculator.ncDigits(count);
    for (int i = digits - 1; i >= 0; i--) {
      header.append(Character.forDigit((int) (count >>> (4 * i)) & 0xf, 16));
    }
  }

  private static void appendUser(
      StringBuilder header,
      DigestChallenge challenge,
      DigestAlgorithm algorithm,
      String user,
      Charset charset) {
    if (challenge.userhash()) {
      quoted(
          header,
          "username",
          DigestCalculator.userhash(algorithm, user, challenge.realm(), charset));
      plain(header, "userhash", "true");
    } else if (needsExtendedNotation(user)) {
      plain(header, "username*", "UTF-8''" + percentEncode(user));
    } else {
      quoted(header, "username", user);
    }
  }

  /** Non-ASCII or control characters cannot travel in a quoted-string (RFC 7616 3.4.4). */
  static boolean needsExtendedNotation(String user) {
    // A loop, not user.chars().anyMatch(..): the stream cost about 100 bytes on every request.
    for (int i = 0; i < user.length(); i++) {
      char c = user.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return true;
      }
    }
    return false;
  }

  /** RFC 5987 section 3.2.1 ext-value: UTF-8 bytes, attr-chars kept, the rest as %XX. */
  static String percentEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", (int) c));
      }
    }
    return out.toString();
  }

  private static void quoted(StringBuilder header, String name, String value) {
    separate(header).append(name).append("=\"");
    if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
      // Nearly always: one bulk copy, where a char at a time was a tenth of the signer's time.
      header.append(value).append('"');
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        header.append('\\');
      }
      header.append(c);
    }
    header.append('"');
  }

  private static void plain(StringBuilder header, String name, String value) {
    separate(header).append(name).append('=').append(value);
  }

  private static StringBuilder separate(StringBuilder header) {
    return header.length() > "Digest ".length() ? header.append(", ") : header;
  }
}
