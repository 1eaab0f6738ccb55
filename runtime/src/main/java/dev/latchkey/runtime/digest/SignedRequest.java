package dev.latchkey.runtime.digest;

/**
 * What one hop was signed with, kept so {@code Authentication-Info} can be checked against it.
 * Holds HA1 (a password-equivalent for this nonce), so {@link #toString()} hides it and the
 * header value.
 *
 * @param header the full {@code Authorization} value
 * @param response the request digest
 * @param ha1 the HA1 used
 * @param nc the nonce count sent
 * @param cnonce the client nonce sent (null without qop)
 * @param qop the qop sent (null for RFC 2069)
 * @param uri the digest-uri sent
 */
record SignedRequest(
    String header, String response, String ha1, String nc, String cnonce, String qop, String uri) {

  @Override
  public String toString() {
    return "SignedRequest{nc=" + nc + ", qop=" + qop + ", uri=" + uri + ", response=██}";
  }
}
