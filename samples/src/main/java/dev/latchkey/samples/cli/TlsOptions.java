package dev.latchkey.samples.cli;

import dev.latchkey.runtime.logging.HttpLog;
import dev.latchkey.runtime.logging.Redactor;
import dev.latchkey.runtime.tls.TlsPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The {@code call} flags that shape the base client every generated client extends: {@code
 * --trust-pem FILE} (repeatable: extra trust anchors), {@code --pin PIN} (repeatable: the pins of
 * the base URL's host, replacing any others for it) and {@code --verbose} (every exchange on the
 * wire to stderr, secrets masked). Applied to the base client, so logins are pinned and logged too.
 */
final class TlsOptions {
  private TlsOptions() {}

  /** All {@code --trust-pem} files' text joined, or null if none is given. */
  static String trustPem(Options options) throws IOException {
    List<String> files = options.all("--trust-pem");
    if (files.isEmpty()) {
      return null;
    }
    StringBuilder pem = new StringBuilder();
    for (String file : files) {
      try {
        pem.append(Files.readString(Path.of(file), StandardCharsets.US_ASCII)).append('\n');
      } catch (NoSuchFileException e) {
        throw new Options.UsageException("--trust-pem: no such file " + file);
      }
    }
    return pem.toString();
  }

  /** Adds the TLS policy and the wire log the flags ask for to {@code base}. */
  static OkHttpClient.Builder apply(
      OkHttpClient.Builder base, Sample sample, Options options, PrintStream err)
      throws IOException {
    TlsPolicy.Builder policy = TlsPolicy.builder();
    boolean changed = false;
    String pem = trustPem(options);
    if (pem != null) {
      policy.addTrustedPem(pem);
      changed = true;
    }
    List<String> pins = options.all("--pin");
    if (!pins.isEmpty()) {
      policy.pins(pinnedHost(options), pins.toArray(new String[0]));
      changed = true;
    }
    if (changed) {
      policy.build().applyTo(base);
    }
    if (options.has("--verbose")) {
      logEverything(base, sample, line -> log(err, line));
    }
    return base;
  }

  /** What {@code --verbose} adds: every exchange in full, every secret of {@code sample} masked. */
  static OkHttpClient.Builder logEverything(
      OkHttpClient.Builder base, Sample sample, java.util.function.Consumer<String> sink) {
    Redactor redactor = new Redactor();
    sample.redact(redactor);
    base.addNetworkInterceptor(new SecretHeaderValues(redactor));
    base.addNetworkInterceptor(new HttpLog(redactor, HttpLog.Level.BODY, sink));
    return base;
  }

  private static void log(PrintStream err, String text) {
    synchronized (err) {
      err.println(text);
      err.flush();
    }
  }

  /** The host {@code --pin} applies to: the base URL's (an environment's URL is the generated client's). */
  private static String pinnedHost(Options options) {
    String baseUrl = options.get("--base-url", null);
    HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new Options.UsageException("--pin needs --base-url URL: it pins that URL's host");
    }
    return url.host();
  }
}
