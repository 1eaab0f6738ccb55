/**
 * HTTP Digest authentication (RFC 7616, which obsoletes RFC 2617) as OkHttp interceptors.
 *
 * <p>Users name only {@link dev.latchkey.runtime.digest.DigestScheme}, {@link
 * dev.latchkey.runtime.digest.DigestAlgorithm} and {@link
 * dev.latchkey.runtime.digest.BodyNotReplayableException}. Everything else is package-private: the
 * challenge parser, the hash arithmetic, the per-origin nonce cache with single-flight challenge
 * fetches, the application interceptor that decides when to authenticate, and the network
 * interceptor that signs each hop (so a redirect is signed for its own URI, and never for another
 * origin).
 */
package dev.latchkey.runtime.digest;
