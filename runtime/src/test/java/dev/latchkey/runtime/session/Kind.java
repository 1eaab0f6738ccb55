package dev.latchkey.runtime.session;

import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.header.HeaderAuthMode;
import dev.latchkey.runtime.header.HeaderScheme;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.runtime.token.TokenScheme;
import java.time.Duration;
import java.util.function.Supplier;

/** The session kinds that run on the engine, configured against {@link FakeSessionApi}. */
enum Kind {
  TOKEN,
  HEADER_SESSION,
  HEADER_BASIC;

  static final String API_KEY = "api-key-7f3a9c";

  AuthScheme scheme(Supplier<UserPassword> credentials, SessionStore storeOrNull) {
    return switch (this) {
      case TOKEN ->
        TokenScheme.builder()
            .loginPath("auth")
            .tokenPointer("/response/token")
            .header("X-Auth-Token", "{token}")
            .idleLifetime(Duration.ofHours(2))
            .errorPointer("/response/error_id")
            .sessionGoneErrors("NOAUTH")
            .badCredentialErrors("NOAUTH")
            .loginLimit(10, Duration.ofMinutes(5))
            .credentials(credentials)
            .sessionStore(storeOrNull)
            .build();
      case HEADER_SESSION ->
        header(credentials)
            .session(
                "session",
                "/userName",
                "/password",
                "/id",
                "MediaSiloSessionKey",
                Duration.ofMinutes(60),
                "session/{key}")
            .sessionStore(storeOrNull)
            .build();
      case HEADER_BASIC -> header(credentials).mode(HeaderAuthMode.BASIC).build();
    };
  }

  private static HeaderScheme.Builder header(Supplier<UserPassword> credentials) {
    return HeaderScheme.builder()
        .header("MediaSiloHostContext", "hostContext", false, "acme")
        .header("MediaSiloApiKey", "apiKey", true, API_KEY)
        .credentials(credentials);
  }

  AuthScheme scheme() {
    return scheme(() -> new UserPassword(FakeSessionApi.USER, FakeSessionApi.PASSWORD), null);
  }

  /** The header the token travels in (Basic: the credentials). */
  String carrier() {
    return switch (this) {
      case TOKEN -> "X-Auth-Token";
      case HEADER_SESSION -> "MediaSiloSessionKey";
      case HEADER_BASIC -> "Authorization";
    };
  }

  /** Whether the kind logs in over the network (Basic does not). */
  boolean logsIn() {
    return this != HEADER_BASIC;
  }
}
