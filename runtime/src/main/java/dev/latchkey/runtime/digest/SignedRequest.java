package dev.latchkey.runtime.digest;

/**
 * What one hop was signed with, kept so {@code Authentication-Info} can be checked against it.
 * Holds HA1 (a password-equivalent for this nonce), so {@link #toString()} hides it and the
 * header value.
 *
 * @param header the full {@code Authorization} value
 * @param ha1 the HA1 used
 * @param count the nonce count this signature used (on the wire as {@code nc} only with a qop)
 * @param cnonce the client nonce sent (null without qop)
 * @param qop the qop sent (null for RFC 2069)
 * @param uri the digest-uri sent
 */
record SignedRequest(String header, String ha1, long count, String cnonce, String qop, String uri) {
  private static final String RESPONSE = ", response=\"";

  /**
   * The request digest, read back from the header (tests and diagnostics only; not kept as a
   * String of its own per request). Every quote inside a quoted value is escaped, so the last
   * {@code , response="} is ours.
   */
  String response() {
    int start = header.lastIndexOf(RESPONSE) + RESPONSE.length();
    return header.substring(start, header.indexOf('"', start));
  }

  /**
   * The {@code nc} sent, or null without qop (RFC 2069 has none). Written from the count when
   * asked, rarely (checking {@code Authentication-Info}), rather than kept as a String per request.
   */
  String nc() {
    return qop == null ? null : DigestCalculator.nc(count);
  }

  @Override
  public String toString() {
    return "SignedRequest{nc=" + nc() + ", qop=" + qop + ", uri=" + uri + ", response=██}";
  }
}
