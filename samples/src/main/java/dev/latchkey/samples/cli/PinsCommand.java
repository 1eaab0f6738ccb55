package dev.latchkey.samples.cli;

import dev.latchkey.runtime.tls.Pins;
import java.io.IOException;
import java.io.PrintStream;
import java.security.cert.X509Certificate;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * {@code pins URL [--trust-pem FILE]}: prints the SPKI pins of the chain an https server presents,
 * leaf first up to the trust anchor, one per line as {@code sha256/...  SUBJECT}, so an operator can
 * copy the intermediate's or root's pin into {@code --pin} or {@code LATCHKEY_PINS}.
 */
final class PinsCommand {
  static final List<String> FLAGS = List.of("--trust-pem");

  private PinsCommand() {}

  static int run(Options options, PrintStream out) throws IOException {
    options.rejectUnknown("pins", FLAGS);
    if (options.positional().size() != 1) {
      throw new Options.UsageException("pins takes one https URL, e.g. https://127.0.0.1:8443/");
    }
    HttpUrl url = HttpUrl.parse(options.positional().get(0));
    if (url == null || !url.isHttps()) {
      throw new Options.UsageException(
          "pins needs an https URL, not '" + options.positional().get(0) + "'");
    }
    String pem = TlsOptions.trustPem(options);
    for (X509Certificate certificate : Pins.fetchChain(url, pem)) {
      out.println(
          Pins.pin(certificate) + "  " + certificate.getSubjectX500Principal().getName());
    }
    out.flush();
    return 0;
  }
}
