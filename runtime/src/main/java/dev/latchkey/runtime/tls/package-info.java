/**
 * TLS for Latchkey clients: certificate pinning and trust anchors.
 *
 * <p>{@link dev.latchkey.runtime.tls.TlsPolicy} says which hosts are pinned to which SPKI hashes,
 * which CA certificates are trusted, and whether a mismatch fails or is only reported. It is built
 * on OkHttp's {@code CertificatePinner} and okhttp-tls's {@code HandshakeCertificates}, and adds
 * what they lack: strict pin syntax, failing closed for hosts no pattern covers (redirects
 * included), report-only mode, configuration overrides and a typed {@link
 * dev.latchkey.runtime.tls.PinningException}. {@link dev.latchkey.runtime.tls.Pins} computes and
 * fetches pins so that operators can rotate them from configuration.
 */
package dev.latchkey.runtime.tls;
