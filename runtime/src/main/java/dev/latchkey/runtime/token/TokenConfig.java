package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonPointer;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.store.SessionStore;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything a {@link TokenScheme} was built with, validated. Durations that are "not used" are
 * {@code null}; a {@code loginLimit} of 0 means no client-side budget.
 */
record TokenConfig(
    String loginPath,
    JsonPointer usernameField,
    JsonPointer passwordField,
    JsonPointer tokenPointer,
    String headerName,
    String headerFormat,
    String cookieName,
    Duration idleLifetime,
    Duration hardLifetime,
    Set<Integer> sessionGoneStatus,
    JsonPointer errorPointer,
    Set<String> sessionGoneErrors,
    Set<String> badCredentialErrors,
    Set<String> terminalErrors,
    Set<String> forbiddenErrors,
    int loginLimit,
    Duration loginWindow,
    JsonPointer throttleCodePointer,
    Set<String> throttleCodes,
    String jwtPath,
    Supplier<UserPassword> credentials,
    JwtSigningKey signingKey,
    Duration maxThrottleWait,
    Duration badPasswordBackoff,
    SessionStore sessionStore,
    LoginShape shape,
    LoginRequest loginRequest,
    LoginFields logoutBody,
    JsonPointer expiresInPointer) {

  boolean usesCookie() {
    return cookieName != null;
  }

  /** Whether a query parameter carries the token ({@code query(..)}). */
  boolean usesQuery() {
    return !shape.query().isEmpty();
  }

  boolean usesJwt() {
    return signingKey != null;
  }

  /** The header value for {@code token}. */
  String headerValue(String token) {
    return headerFormat.replace("{token}", token);
  }

  @Override
  public String toString() {
    return "TokenConfig{login=" + (usesJwt() ? jwtPath + " (jwt)" : loginPath)
        + ", transport=" + (usesCookie() ? "cookie " + cookieName
            : usesQuery() ? "query " + shape.query() : "header " + headerName)
        + ", idle=" + idleLifetime + ", hard=" + hardLifetime
        + ", loginLimit=" + loginLimit + "/" + loginWindow + "}";
  }
}
