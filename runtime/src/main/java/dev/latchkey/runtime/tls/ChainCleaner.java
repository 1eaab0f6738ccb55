package dev.latchkey.runtime.tls;

import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.X509TrustManager;

/**
 * Orders a served chain from the leaf to the trust anchor that signs it, dropping strays and adding
 * the anchor when the server did not send it. OkHttp does the same for its CertificatePinner but
 * keeps that cleaner internal ({@code okhttp3.internal.tls}); report-only checks and {@link Pins}
 * need the cleaned chain too, so this is the same walk (issuer name, then signature) written here.
 * It runs only after the handshake has validated the chain; it decides nothing about trust.
 */
final class ChainCleaner {
  /** OkHttp's own bound: longer chains are not walked further. */
  private static final int MAX_SIGNERS = 9;

  private ChainCleaner() {}

  static List<X509Certificate> clean(List<Certificate> served, X509TrustManager trustManager) {
    List<X509Certificate> rest = new ArrayList<>();
    for (Certificate certificate : served) {
      if (certificate instanceof X509Certificate x509) {
        rest.add(x509);
      }
    }
    List<X509Certificate> result = new ArrayList<>();
    if (rest.isEmpty()) {
      return result;
    }
    result.add(rest.remove(0));
    List<X509Certificate> anchors =
        trustManager == null ? List.of() : List.of(trustManager.getAcceptedIssuers());
    for (int i = 0; i < MAX_SIGNERS; i++) {
      X509Certificate last = result.get(result.size() - 1);
      X509Certificate anchor = signerOf(last, anchors);
      if (anchor != null) {
        if (!anchor.equals(last)) {
          result.add(anchor);
        }
        return result;
      }
      X509Certificate next = signerOf(last, rest);
      if (next == null) {
        return result;
      }
      rest.remove(next);
      result.add(next);
    }
    return result;
  }

  private static X509Certificate signerOf(X509Certificate child, List<X509Certificate> candidates) {
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(child.getIssuerX500Principal())
          && verifies(child, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean verifies(X509Certificate child, X509Certificate signer) {
    try {
      child.verify(signer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
