package dev.latchkey.samples.cli;

import dev.latchkey.runtime.logging.Redactor;
import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Teaches a {@link Redactor} the values of the secret headers each request carries, before {@code
 * HttpLog} logs it. Masking the header line is not enough: a session key also appears in URLs
 * (MediaSilo ends a session with {@code DELETE /v3/session/{key}}), and only a known value is
 * masked there. Runs as a network interceptor just outside the log.
 */
final class SecretHeaderValues implements Interceptor {
  private final Redactor redactor;

  SecretHeaderValues(Redactor redactor) {
    this.redactor = redactor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Headers headers = chain.request().headers();
    for (int i = 0; i < headers.size(); i++) {
      if (redactor.isSecretHeader(headers.name(i))) {
        String value = headers.value(i);
        redactor.addSecret(value);
        int space = value.indexOf(' '); // "Basic abc", "Bearer abc": the credential alone too
        if (space > 0) {
          redactor.addSecret(value.substring(space + 1).trim());
        }
      }
    }
    return chain.proceed(chain.request());
  }
}
