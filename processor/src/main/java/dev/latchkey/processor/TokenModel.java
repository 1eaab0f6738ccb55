package dev.latchkey.processor;

import dev.latchkey.processor.HeaderModel.StaticHeaderModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @TokenLogin}. Empty strings and lists mean "not used", as in the annotation.
 *
 * @param path the password login path; empty when only JWT login is offered
 * @param loginBody {@code JSON}, {@code FORM} or {@code NONE}, the annotation's constant name
 * @param usernameField a JSON pointer (JSON) or a form field name (FORM); with a FORM body it is
 *     {@code username} unless written
 * @param header the header carrying the token; empty when {@code cookie} or {@code query} does
 * @param cookie the cookie carrying the token ({@code tokenCookie} when that is the carrier)
 * @param query the query parameter carrying the token
 * @param jwtPath the JWT login path; empty when JWT login is not offered
 */
record TokenModel(
    String path,
    String loginBody,
    boolean loginBasic,
    String usernameField,
    String passwordField,
    List<String> loginFields,
    String tokenPointer,
    String tokenHeader,
    String tokenCookie,
    String header,
    String headerFormat,
    String cookie,
    String query,
    String expiresInPointer,
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
    String logoutPath,
    String logoutMethod,
    List<String> logoutFields,
    Optional<CsrfModel> csrf,
    List<StaticHeaderModel> headers,
    String jwtPath)
    implements AuthModel {

  TokenModel {
    loginFields = List.copyOf(loginFields);
    sessionGoneStatus = List.copyOf(sessionGoneStatus);
    sessionGoneErrors = List.copyOf(sessionGoneErrors);
    badCredentialErrors = List.copyOf(badCredentialErrors);
    terminalErrors = List.copyOf(terminalErrors);
    forbiddenErrors = List.copyOf(forbiddenErrors);
    throttleCodes = List.copyOf(throttleCodes);
    logoutFields = List.copyOf(logoutFields);
    headers = List.copyOf(headers);
  }

  /** A declared {@code @Csrf}: exactly one source, and the header that sends it. */
  record CsrfModel(
      String pointer,
      String answerHeader,
      String answerCookie,
      String header,
      boolean writesOnly) {}

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
