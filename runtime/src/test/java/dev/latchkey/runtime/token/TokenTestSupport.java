package dev.latchkey.runtime.token;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Builds Xandr-configured token clients for the tests. */
final class TokenTestSupport {
  static final String PASSWORD = "S3cret!password";

  private TokenTestSupport() {}

  /** The configuration the Xandr sample declares. */
  static TokenScheme.Builder xandr() {
    return TokenScheme.builder()
        .loginPath("auth")
        .usernameField("/auth/username")
        .passwordField("/auth/password")
        .tokenPointer("/response/token")
        .header("Authorization", "{token}")
        .idleLifetime(Duration.ofHours(2))
        .hardLifetime(Duration.ofHours(24))
        .sessionGoneStatus(401)
        .errorPointer("/response/error_id")
        .sessionGoneErrors("NOAUTH")
        .badCredentialErrors("NOAUTH")
        .terminalErrors("NOAUTH_DISABLED", "NOAUTH_EXPIRED")
        .forbiddenErrors("UNAUTH")
        .loginLimit(10, Duration.ofMinutes(5))
        .throttleCodePointer("/response/error_code")
        .throttleCodes("RATE_EXCEEDED")
        .credentials(() -> new UserPassword("alice", PASSWORD));
  }

  static LatchkeyClient client(
      String baseUrl, MutableClock clock, TokenScheme scheme, List<AuthEvent> events) {
    return client(baseUrl, clock, scheme, events, new OkHttpClient());
  }

  static LatchkeyClient client(
      String baseUrl,
      MutableClock clock,
      TokenScheme scheme,
      List<AuthEvent> events,
      OkHttpClient base) {
    return LatchkeyClient.builder("XandrTest")
        .baseUrl(baseUrl)
        .clock(clock)
        .auth(scheme)
        .okHttpClient(base)
        .eventListener(events::add)
        .build();
  }

  static List<AuthEvent> events() {
    return new CopyOnWriteArrayList<>();
  }

  static long count(List<AuthEvent> events, AuthEvent.Type type) {
    return events.stream().filter(e -> e.type() == type).count();
  }

  /** GETs {@code path}; returns "code body". */
  static String get(LatchkeyClient client, String path) throws IOException {
    Request request = new Request.Builder().url(client.baseUrl().resolve(path)).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      return response.code() + " " + response.body().string();
    }
  }
}
