package dev.latchkey.samples.ondemand;

import dev.latchkey.samples.cli.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The CLI's {@code --trust-pem} and {@code --pin} flags, as the generated builder takes them. */
record TlsFlags(String trustPem, List<String> pins) {

  static final TlsFlags NONE = new TlsFlags(null, List.of());

  static TlsFlags from(Options options) {
    StringBuilder pem = new StringBuilder();
    for (String file : options.all("--trust-pem")) {
      try {
        pem.append(Files.readString(Path.of(file), StandardCharsets.US_ASCII)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new TlsFlags(
        pem.length() == 0 ? null : pem.toString(), List.copyOf(options.all("--pin")));
  }
}
