package dev.latchkey.samples.ondemand;

import java.util.Map;

/** Writes a client's digest {@code Authorization} header (RFC 7616 §3.4) for simulator tests. */
final class TestDigest {
  private TestDigest() {}

  static String authorization(
      Map<String, String> challenge,
      String algorithm,
      String user,
      String password,
      String method,
      String uri,
      int nc) {
    String hash = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
    String nonce = challenge.get("nonce");
    String realm = challenge.get("realm");
    String cnonce = "0a4f113b";
    String count = String.format("%08x", nc);
    String ha1 = DigestGate.hex(hash, user + ":" + realm + ":" + password);
    if (algorithm.endsWith("-sess")) {
      ha1 = DigestGate.hex(hash, ha1 + ":" + nonce + ":" + cnonce);
    }
    String ha2 = DigestGate.hex(hash, method + ":" + uri);
    String response =
        DigestGate.hex(hash, ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2);
    return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
        + "\", uri=\"" + uri + "\", algorithm=" + algorithm + ", qop=auth, nc=" + count
        + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\", opaque=\""
        + challenge.get("opaque") + "\"";
  }
}
