package dev.latchkey.annotations;

/** The digest algorithms of RFC 7616 section 3.3 (and MD5 of RFC 2617). */
public enum DigestAlgorithm {
  MD5,
  MD5_SESS,
  SHA_256,
  SHA_256_SESS,
  /** FIPS 180-4 SHA-512/256, not SHA-512 truncated. */
  SHA_512_256,
  SHA_512_256_SESS
}
