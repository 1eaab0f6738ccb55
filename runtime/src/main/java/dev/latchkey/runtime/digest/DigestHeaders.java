package dev.latchkey.runtime.digest;

/**
 * The header names and status of the origin (RFC 7235 section 4) or proxy (section 3.2) variant.
 */
record DigestHeaders(int status, String challenge, String authorization, String info) {
  static final DigestHeaders ORIGIN =
      new DigestHeaders(401, "WWW-Authenticate", "Authorization", "Authentication-Info");
  static final DigestHeaders PROXY = new DigestHeaders(
      407, "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Authentication-Info");
}
