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
    String nc = DigestCalculator.nc(count);
    String sentCnonce = qop == null ? null : cnonce;
    try {
      Charset charset = DigestCalculator.credentialCharset(challenge, user, password);
      String ha1 =
          DigestCalculator.ha1(
              algorithm, user, challenge.realm(), password, charset, challenge.nonce(), cnonce);
      String ha2 = DigestCalculator.ha2(algorithm, method, uri, bodyHash);
      String response =
          DigestCalculator.response(algorithm, ha1, challenge.nonce(), nc, cnonce, qop, ha2);
      // Sized for a typical header (about 300 characters) so it is not copied while it grows.
      StringBuilder header = new StringBuilder(384).append("Digest ");
      appendUser(header, challenge, algorithm, user, charset);
      quoted(header, "realm", challenge.realm());
      quoted(header, "uri", uri);
      if (challenge.algorithmToken() != null) {
        plain(header, "algorithm", algorithm.token());
      }
      quoted(header, "nonce", challenge.nonce());
      if (qop != null) {
        plain(header, "nc", nc);
        quoted(header, "cnonce", cnonce);
        plain(header, "qop", qop);
      }
      quoted(header, "response", response);
      if (challenge.opaque() != null) {
        quoted(header, "opaque", challenge.opaque());
      }
      return new SignedRequest(
          header.toString(), response, ha1, qop == null ? null : nc, sentCnonce, qop, uri);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static void appendUser(
      StringBuilder header,
      DigestChallenge challenge,
      DigestAlgorithm algorithm,
      String user,
      Charset charset) {
    if (challenge.userhash()) {
      quoted(header, "username",
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
    return user.chars().anyMatch(c -> c < 0x20 || c > 0x7e);
  }

  /** RFC 5987 section 3.2.1 ext-value: UTF-8 bytes, attr-chars kept, the rest as %XX. */
  static String percentEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
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
