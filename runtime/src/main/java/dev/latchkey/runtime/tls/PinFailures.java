package dev.latchkey.runtime.tls;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Builds the {@link PinningException}s and the report-only notices, with one wording. */
final class PinFailures {
  /**
   * OkHttp's CertificatePinner message: "Certificate pinning failure!\n Peer certificate chain:..."
   */
  static final String OKHTTP_PREFIX = "Certificate pinning failure!";

  private static final Pattern CHAIN_LINE =
      Pattern.compile("^\\s*(sha256/[A-Za-z0-9+/=]+): (.*)$", Pattern.MULTILINE);
  private static final Pattern PINNED_FOR = Pattern.compile("Pinned certificates for ([^:\\s]+):");

  private PinFailures() {}

  static String mismatch(String host, List<String> chainLines, List<String> pinned) {
    return "certificate pinning failed for host "
        + host
        + ": no certificate of the chain matches "
        + pinned
        + "; chain pins (leaf first): "
        + chainLines;
  }

  static String uncovered(String host, List<String> chainLines, Iterable<String> patterns) {
    return "certificate pinning: host "
        + host
        + " matches no pinned host pattern "
        + patterns
        + " and pins are required for all hosts (requirePinsForAllHosts); chain pins (leaf first): "
        + chainLines;
  }

  static String cleartext(String host, boolean pinned) {
    return "certificate pinning: plain HTTP to host "
        + host
        + (pinned ? ", which is pinned" : ", which the call was redirected to")
        + "; there is no certificate to check; chain pins: []";
  }

  /** {@code sha256/..: CN=..} for each certificate, the form operators copy into configuration. */
  static List<String> describe(List<X509Certificate> chain) {
    List<String> lines = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      lines.add(
          Pins.pin(certificate) + " (" + certificate.getSubjectX500Principal().getName() + ")");
    }
    return lines;
  }

  static List<String> pinsOf(List<X509Certificate> chain) {
    return chain.stream().map(Pins::pin).toList();
  }

  /**
   * Turns OkHttp's pinning failure into ours. OkHttp only reports the chain in its message (its
   * cleaned chain is not exposed), so the pins and host are read from that message; a message of
   * another shape still becomes a PinningException, with the original as its cause.
   */
  static PinningException fromOkHttp(
      SSLPeerUnverifiedException e, String fallbackHost, Map<String, List<String>> pins) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    List<String> chainPins = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    Matcher line = CHAIN_LINE.matcher(message.split("Pinned certificates for", 2)[0]);
    while (line.find()) {
      chainPins.add(line.group(1));
      lines.add(line.group(1) + " (" + line.group(2).strip() + ")");
    }
    Matcher pinnedFor = PINNED_FOR.matcher(message);
    String host = pinnedFor.find() ? pinnedFor.group(1) : fallbackHost;
    List<String> expected = new ArrayList<>();
    pins.forEach((pattern, list) -> {
      if (PinSyntax.covers(pattern, host)) {
        expected.addAll(list);
      }
    });
    PinningException result =
        new PinningException(host, chainPins, mismatch(host, lines, expected));
    result.initCause(e);
    return result;
  }
}
