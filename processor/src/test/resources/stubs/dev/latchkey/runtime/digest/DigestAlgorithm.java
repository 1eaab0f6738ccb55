package dev.latchkey.runtime.digest;

/** Test stub of the runtime enum, as the API contract names it. */
public enum DigestAlgorithm {
  MD5,
  MD5_SESS,
  SHA_256,
  SHA_256_SESS,
  SHA_512_256,
  SHA_512_256_SESS
}
