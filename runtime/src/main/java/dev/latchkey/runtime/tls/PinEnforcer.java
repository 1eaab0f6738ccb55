package dev.latchkey.runtime.tls;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.CertificatePinner;
import okhttp3.Connection;
import okhttp3.Handshake;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Network interceptor that makes pinning fail closed, and does the checking in report-only mode.
 *
 * <p>Why it exists: OkHttp's {@link CertificatePinner} checks only hosts that match a pattern and
 * silently allows every other host, so a redirect (or a misconfigured base URL) to an unpinned host
 * would go out unchecked, credentials included. A network interceptor runs once the connection, and
 * so its {@link Handshake}, exists, but before the request is written: refusing here sends nothing.
 * It runs for every request, redirects and follow-ups included.
 */
final class PinEnforcer implements Interceptor {
  private final TlsPolicy policy;
  private final CertificatePinner pinner;
  private final PinReporter reporter;

  /** Report-only: each connection is checked and reported once, not on every request it carries. */
  private final Map<Connection, Boolean> checked = Collections.synchronizedMap(new WeakHashMap<>());

  PinEnforcer(TlsPolicy policy, CertificatePinner pinner, PinReporter reporter) {
    this.policy = policy;
    this.pinner = pinner;
    this.reporter = reporter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    boolean seen =
        policy.reportOnly() && connection != null && checked.putIfAbsent(connection, true) != null;
    if (!seen) {
      PinningException problem = check(chain, request, connection);
      if (problem != null) {
        refuse(problem);
      }
    }
    return chain.proceed(request);
  }

  /** What is wrong with sending {@code request} over {@code connection}, or null. */
  private PinningException check(Chain chain, Request request, Connection connection) {
    String host = request.url().host();
    Handshake handshake = connection == null ? null : connection.handshake();
    List<CertificatePinner.Pin> matching = pinner.findMatchingPins(host);
    if (handshake == null) {
      boolean pinned = !matching.isEmpty();
      if (pinned || (policy.requirePinsForAllHosts() && !addressedInPlainHttp(chain, request))) {
        return new PinningException(host, List.of(), PinFailures.cleartext(host, pinned));
      }
      return null;
    }
    if (matching.isEmpty()) {
      if (!policy.requirePinsForAllHosts()) {
        return null;
      }
      List<X509Certificate> served = cleaned(chain, handshake);
      return new PinningException(
          host,
          PinFailures.pinsOf(served),
          PinFailures.uncovered(
              host, PinFailures.describe(served), policy.pins().keySet()));
    }
    // Enforcing mode: OkHttp's CertificatePinner already checked this chain while connecting.
    if (!policy.reportOnly()) {
      return null;
    }
    List<X509Certificate> served = cleaned(chain, handshake);
    if (anyMatches(matching, served)) {
      return null;
    }
    List<String> expected = new ArrayList<>();
    matching.forEach(
        pin -> expected.add(pin.getHashAlgorithm() + "/" + pin.getHash().base64()));
    return new PinningException(
        host,
        PinFailures.pinsOf(served),
        PinFailures.mismatch(host, PinFailures.describe(served), expected));
  }

  /** The caller itself chose plain HTTP for this host (e.g. a loopback simulator's base URL). */
  private static boolean addressedInPlainHttp(Chain chain, Request request) {
    Request original = chain.call().request();
    return !original.isHttps() && original.url().host().equals(request.url().host());
  }

  /** Fails the request, or in report-only mode reports and lets it go. */
  private void refuse(PinningException failure) throws PinningException {
    if (!policy.reportOnly()) {
      throw failure;
    }
    reporter.report(failure.host(), failure.getMessage());
  }

  private static List<X509Certificate> cleaned(Chain chain, Handshake handshake) {
    return ChainCleaner.clean(handshake.peerCertificates(), chain.getX509TrustManagerOrNull());
  }

  private static boolean anyMatches(List<CertificatePinner.Pin> pins, List<X509Certificate> chain) {
    for (CertificatePinner.Pin pin : pins) {
      for (X509Certificate certificate : chain) {
        if (pin.matchesCertificate(certificate)) {
          return true;
        }
      }
    }
    return false;
  }
}
