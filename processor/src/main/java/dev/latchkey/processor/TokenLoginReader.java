package dev.latchkey.processor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads and checks {@code @TokenLogin} (and its nested {@code @JwtLogin}). */
final class TokenLoginReader {
  static final String ANNOTATION = "dev.latchkey.annotations.TokenLogin";

  private final Reporter reporter;
  private final AttributeChecks checks;

  TokenLoginReader(Reporter reporter) {
    this.reporter = reporter;
    this.checks = new AttributeChecks(reporter);
  }

  /** The model, or empty after reporting every error found. */
  Optional<TokenModel> read(Mirror login) {
    int errors = reporter.errorCount();
    Mirror jwt = login.nested("jwt");
    String path = checks.relativePath(login, "path");
    String jwtPath = checks.relativePath(jwt, "path");
    if (path.isEmpty() && jwtPath.isEmpty()) {
      login.error(reporter, Diagnostic.NO_LOGIN);
    }
    String header = carrier(login);
    String format = login.string("headerFormat");
    if (!header.isEmpty() && !format.contains("{token}")) {
      login.error(reporter, "headerFormat", Diagnostic.HEADER_FORMAT_WITHOUT_TOKEN, format);
    }
    Optional<Duration> idle = checks.duration(login, "idleLifetime", true);
    Optional<Duration> hard = checks.duration(login, "hardLifetime", true);
    if (idle.isPresent() && hard.isPresent() && idle.get().compareTo(hard.get()) > 0) {
      login.error(
          reporter,
          "idleLifetime",
          Diagnostic.IDLE_LONGER_THAN_HARD,
          login.string("idleLifetime"),
          login.string("hardLifetime"));
    }
    String errorPointer = checks.pointer(login, "errorPointer");
    for (String codes :
        List.of("sessionGoneErrors", "badCredentialErrors", "terminalErrors", "forbiddenErrors")) {
      requirePointer(login, codes, errorPointer, "errorPointer");
    }
    String throttlePointer = checks.pointer(login, "throttleCodePointer");
    requirePointer(login, "throttleCodes", throttlePointer, "throttleCodePointer");
    Optional<Syntax.Limit> limit = loginLimit(login);
    TokenModel model =
        new TokenModel(
            path,
            checks.pointer(login, "usernameField"),
            checks.pointer(login, "passwordField"),
            checks.pointer(login, "tokenPointer"),
            header,
            format,
            login.string("cookie"),
            idle,
            hard,
            checks.statuses(login, "sessionGoneStatus"),
            errorPointer,
            login.strings("sessionGoneErrors"),
            login.strings("badCredentialErrors"),
            login.strings("terminalErrors"),
            login.strings("forbiddenErrors"),
            limit,
            throttlePointer,
            login.strings("throttleCodes"),
            jwtPath);
    return reporter.errorCount() > errors ? Optional.empty() : Optional.of(model);
  }

  /**
   * The header that carries the token, or "" when the cookie does. {@code header} has a default
   * ({@code Authorization}), so a written {@code cookie} replaces it unless {@code header} is
   * written too; exactly one of them must be in use.
   */
  private String carrier(Mirror login) {
    String header = checks.httpName(login, "header", "header", true);
    String cookie = checks.httpName(login, "cookie", "cookie", true);
    if (!cookie.isEmpty() && !login.isExplicit("header")) {
      return "";
    }
    if (!cookie.isEmpty() && !header.isEmpty()) {
      login.error(
          reporter,
          "cookie",
          Diagnostic.TOKEN_CARRIER_CHOICE,
          "both are set, so drop header to use the cookie");
    } else if (cookie.isEmpty() && header.isEmpty()) {
      login.error(
          reporter,
          "header",
          Diagnostic.TOKEN_CARRIER_CHOICE,
          "neither is set, so give header (e.g. \"Authorization\") or cookie");
    }
    return header;
  }

  private void requirePointer(Mirror login, String codes, String pointer, String pointerName) {
    if (!login.strings(codes).isEmpty() && pointer.isEmpty()) {
      login.error(reporter, codes, Diagnostic.ERRORS_WITHOUT_POINTER, codes, pointerName);
    }
  }

  private Optional<Syntax.Limit> loginLimit(Mirror login) {
    String text = login.string("loginLimit");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Syntax.Limit> limit = Syntax.limit(text);
    if (limit.isEmpty()) {
      login.error(reporter, "loginLimit", Diagnostic.BAD_LOGIN_LIMIT, text);
    }
    return limit;
  }
}
