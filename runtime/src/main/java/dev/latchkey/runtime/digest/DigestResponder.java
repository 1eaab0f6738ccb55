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
    String user = credentials.user();
    char[] password = credentials.password();
    String sentCnonce = qop == null ? null : cnonce;
    try {
      Charset charset = DigestCalculator.credentialCharset(challenge, user, password);
      // This thread's buffers (issue 8): the digests and the header text are built without
      // intermediate Strings; only the header, HA1 and the response become Strings.
      DigestCalculator.Workspace work = DigestCalculator.workspace().begin(algorithm);
      work.ha1(user, challenge.realm(), password, charset, challenge.nonce(), cnonce);
      work.ha2(method, uri, bodyHash);
      work.response(challenge.nonce(), count, cnonce, qop);
      String ha1 = work.ha1Text();
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
      return new SignedRequest(
          header.toString(), work.responseText(), ha1, count, sentCnonce, qop, uri);
    } finally {
      Arrays.fill(password, '\0');
    }
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
