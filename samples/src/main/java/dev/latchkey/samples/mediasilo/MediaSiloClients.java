package dev.latchkey.samples.mediasilo;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.header.HeaderAuthMode;
import dev.latchkey.runtime.header.HeaderScheme;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Builds a {@link MediaSiloApi} client from its annotation's settings. Written by hand until the
 * processor generates {@code LatchkeyMediaSiloApi}; the values mirror {@link MediaSiloApi}'s
 * {@code @HeaderAuth} exactly.
 */
final class MediaSiloClients {
  private MediaSiloClients() {}

  /** {@code baseUrl} may be null when {@code environment} names a declared one. */
  static LatchkeyClient build(String baseUrl, String environment, SimulatorAccount account, HeaderAuthMode mode,
      OkHttpClient base, Clock clock, AuthEventListener listener) {
    HeaderScheme scheme = HeaderScheme.builder()
        .header("MediaSiloHostContext", "hostContext", false, account.hostContext())
        .header("MediaSiloApiKey", "apiKey", true, account.apiKey())
        .session("session", "/userName", "/password", "/id", "MediaSiloSessionKey", Duration.ofMinutes(60),
            "session/{key}")
        .sessionBodyField("/accountName", "hostContext")
        .mode(mode)
        .authFailedStatus(401, 403)
        .rateLimitStatus(429, 420)
        .credentials(() -> new UserPassword(account.user(), account.password()))
        .build();
    LatchkeyClient.Builder builder = LatchkeyClient.builder("MediaSiloApi")
        .declareEnvironment("production", "https://api.mediasilo.com/v3/")
        .auth(scheme)
        .clock(clock)
        .eventListener(listener);
    if (base != null) {
      builder.okHttpClient(base);
    }
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    } else {
      builder.environment(environment == null ? "production" : environment);
    }
    return builder.build();
  }
}
