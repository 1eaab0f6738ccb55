package dev.latchkey.processor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @TokenLogin}. Empty strings and lists mean "not used", as in the annotation.
 *
 * @param path the password login path; empty when only JWT login is offered
 * @param header the header carrying the token; empty when {@code cookie} is used
 * @param cookie the cookie carrying the token; empty when {@code header} is used
 * @param jwtPath the JWT login path; empty when JWT login is not offered
 */
record TokenModel(
    String path,
    String usernameField,
    String passwordField,
    String tokenPointer,
    String header,
    String headerFormat,
    String cookie,
    Optional<Duration> idleLifetime,
    Optional<Duration> hardLifetime,
    List<Integer> sessionGoneStatus,
    String errorPointer,
    List<String> sessionGoneErrors,
    List<String> badCredentialErrors,
    List<String> terminalErrors,
    List<String> forbiddenErrors,
    Optional<Syntax.Limit> loginLimit,
    String throttleCodePointer,
    List<String> throttleCodes,
    String jwtPath)
    implements AuthModel {

  TokenModel {
    sessionGoneStatus = List.copyOf(sessionGoneStatus);
    sessionGoneErrors = List.copyOf(sessionGoneErrors);
    badCredentialErrors = List.copyOf(badCredentialErrors);
    terminalErrors = List.copyOf(terminalErrors);
    forbiddenErrors = List.copyOf(forbiddenErrors);
    throttleCodes = List.copyOf(throttleCodes);
  }

  /** Whether the builder offers {@code signingKey(..)}. */
  boolean hasJwt() {
    return !jwtPath.isEmpty();
  }

  @Override
  public String kind() {
    return "token";
  }

  @Override
  public String annotationName() {
    return "TokenLogin";
  }
}
