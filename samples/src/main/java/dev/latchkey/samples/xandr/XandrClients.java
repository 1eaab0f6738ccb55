package dev.latchkey.samples.xandr;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.token.TokenScheme;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds {@link XandrApi} clients by hand, with exactly what the interface's {@code @TokenLogin}
 * declares. Stands in for the generated {@code LatchkeyXandrApi} until the processor writes token
 * clients; the two must stay equal.
 */
final class XandrClients {
  private XandrClients() {}

  /** The token scheme {@link XandrApi}'s annotation describes. */
  static TokenScheme.Builder scheme() {
    return TokenScheme.builder()
        .loginPath("auth").usernameField("/auth/username").passwordField("/auth/password")
        .tokenPointer("/response/token")
        .header("Authorization", "{token}")
        .idleLifetime(Duration.ofHours(2)).hardLifetime(Duration.ofHours(24))
        .sessionGoneStatus(401).errorPointer("/response/error_id")
        .sessionGoneErrors("NOAUTH").badCredentialErrors("NOAUTH")
        .terminalErrors("NOAUTH_DISABLED", "NOAUTH_EXPIRED").forbiddenErrors("UNAUTH")
        .loginLimit(10, Duration.ofMinutes(5))
        .throttleCodePointer("/response/error_code").throttleCodes("RATE_EXCEEDED")
        .jwtPath("v2/auth/jwt");
  }

  /** A client on {@code baseUrl} (or environment {@code env} when baseUrl is null). */
  static LatchkeyClient build(String baseUrl, String env, TokenScheme scheme, OkHttpClient base,
      Clock clock, AuthEventListener listener) {
    LatchkeyClient.Builder builder = LatchkeyClient.builder("XandrApi")
        .declareEnvironment("digital-platform", "https://api.appnexus.com/")
        .declareEnvironment("impression-bus", "https://api.adnxs.com/")
        .auth(scheme).clock(clock).eventListener(listener);
    if (base != null) {
      builder.okHttpClient(base);
    }
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    } else {
      builder.environment(env == null ? "digital-platform" : env);
    }
    return builder.build();
  }

  static Supplier<UserPassword> credentials(String user, String password) {
    return () -> new UserPassword(user, password);
  }
}
