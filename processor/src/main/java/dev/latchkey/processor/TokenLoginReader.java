package dev.latchkey.processor;

import dev.latchkey.processor.HeaderModel.StaticHeaderModel;
import dev.latchkey.processor.TokenModel.CsrfModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks {@code @TokenLogin} (and its nested {@code @JwtLogin} and {@code @Csrf}). */
final class TokenLoginReader {
  static final String ANNOTATION = "dev.latchkey.annotations.TokenLogin";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

  private final Reporter reporter;
  private final AttributeChecks checks;
  private final StaticHeaderReader staticHeaders;
  private final LoginFieldsCheck fields;

  TokenLoginReader(Reporter reporter) {
    this.reporter = reporter;
    this.checks = new AttributeChecks(reporter);
    this.staticHeaders = new StaticHeaderReader(reporter);
    this.fields = new LoginFieldsCheck(reporter);
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
    List<StaticHeaderModel> headers = staticHeaders.read(login);
    String body = login.enumName("loginBody");
    boolean basic = login.bool("loginBasic");
    if (body.equals("NONE") && !basic) {
      login.error(reporter, "loginBody", Diagnostic.NONE_WITHOUT_BASIC);
    }
    String username = credentialField(login, "usernameField", body, basic, "username");
    String password = credentialField(login, "passwordField", body, basic, "password");
    List<String> loginFields = fields.read(login, "loginFields", body, headers);
    String tokenPointer = checks.pointer(login, "tokenPointer");
    String tokenHeader = checks.httpName(login, "tokenHeader", "header", true);
    String tokenCookie = checks.httpName(login, "tokenCookie", "cookie", true);
    oneTokenSource(login);
    Carrier carrier = carrier(login, tokenCookie);
    String format = login.string("headerFormat");
    if (!carrier.header().isEmpty() && !format.contains("{token}")) {
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
    String logoutPath = logoutPath(login);
    String logoutMethod = logoutMethod(login, logoutPath);
    List<String> logoutFields = logoutFields(login, logoutMethod, headers);
    TokenModel model = new TokenModel(
        path,
        body,
        basic,
        username,
        password,
        loginFields,
        tokenPointer,
        tokenHeader,
        tokenCookie,
        carrier.header(),
        format,
        carrier.cookie(),
        carrier.query(),
        checks.pointer(login, "expiresInPointer"),
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
        logoutPath,
        logoutMethod,
        logoutFields,
        csrf(login.nested("csrf")),
        headers,
        jwtPath);
    return reporter.errorCount() > errors ? Optional.empty() : Optional.of(model);
  }

  /**
   * Where the user name or password goes: a JSON pointer, or a form field name with FORM (then
   * {@code formDefault} unless written). With {@code loginBasic} it is unused, so writing it is an
   * error (it would read as if it were sent).
   */
  private String credentialField(
      Mirror login, String name, String body, boolean basic, String formDefault) {
    String value = login.string(name);
    if (basic) {
      if (login.isExplicit(name)) {
        login.error(reporter, name, Diagnostic.CREDENTIAL_FIELD_UNUSED, name, value);
      }
      return "";
    }
    if (body.equals("FORM")) {
      if (!login.isExplicit(name)) {
        return formDefault;
      }
      if (value.startsWith("/")) {
        String field = value.substring(value.lastIndexOf('/') + 1);
        login.error(
            reporter,
            name,
            Diagnostic.FORM_FIELD_IS_POINTER,
            name,
            value,
            field.isEmpty() ? formDefault : field);
      }
      return value;
    }
    return checks.pointer(login, name);
  }

  /** At most one of the three token sources; the second one written is the one reported. */
  private void oneTokenSource(Mirror login) {
    String first = null;
    for (String source : List.of("tokenPointer", "tokenHeader", "tokenCookie")) {
      if (login.string(source).isEmpty()) {
        continue;
      }
      if (first == null) {
        first = source;
      } else {
        login.error(reporter, source, Diagnostic.TWO_TOKEN_SOURCES, first, source);
        return;
      }
    }
  }

  /** The one carrier of the token on later calls; exactly one of the three is non-empty. */
  private record Carrier(String header, String cookie, String query) {}

  /**
   * {@code header} has a default ({@code Authorization}), so a written {@code cookie} or {@code
   * query} replaces it unless {@code header} is written too; with {@code tokenCookie} and none of
   * them written, that same cookie carries the token back. Two explicit carriers are an error.
   */
  private Carrier carrier(Mirror login, String tokenCookie) {
    String header = checks.httpName(login, "header", "header", true);
    String cookie = checks.httpName(login, "cookie", "cookie", true);
    String query = checks.httpName(login, "query", "query parameter", true);
    List<String> explicit = new ArrayList<>();
    if (login.isExplicit("header") && !header.isEmpty()) {
      explicit.add("header");
    }
    if (!cookie.isEmpty()) {
      explicit.add("cookie");
    }
    if (!query.isEmpty()) {
      explicit.add("query");
    }
    if (explicit.size() > 1) {
      String drop = explicit.get(0);
      login.error(
          reporter,
          explicit.get(1),
          Diagnostic.TOKEN_CARRIER_CHOICE,
          explicit.get(0) + " and " + explicit.get(1) + " are both set, so drop " + drop);
      return new Carrier(header, "", "");
    }
    if (!cookie.isEmpty()) {
      return new Carrier("", cookie, "");
    }
    if (!query.isEmpty()) {
      return new Carrier("", "", query);
    }
    if (!tokenCookie.isEmpty() && !login.isExplicit("header")) {
      return new Carrier("", tokenCookie, "");
    }
    if (header.isEmpty()) {
      login.error(
          reporter,
          "header",
          Diagnostic.TOKEN_CARRIER_CHOICE,
          "none is set, so give header (e.g. \"Authorization\"), cookie or query");
    }
    return new Carrier(header, "", "");
  }

  /** A relative path whose only placeholder is {@code {token}}, and which does not end in '/'. */
  private String logoutPath(Mirror login) {
    String path = checks.relativePath(login, "logoutPath");
    Matcher placeholder = PLACEHOLDER.matcher(path);
    while (placeholder.find()) {
      if (!placeholder.group(1).equals("token")) {
        login.error(
            reporter,
            "logoutPath",
            Diagnostic.LOGOUT_PATH_WITHOUT_TOKEN,
            path,
            "has {" + placeholder.group(1) + "}, but the only placeholder is {token}");
        return path;
      }
    }
    if (path.endsWith("/")) {
      // F5's "mgmt/shared/authz/tokens/" would DELETE the collection, not this token.
      login.error(
          reporter,
          "logoutPath",
          Diagnostic.LOGOUT_PATH_WITHOUT_TOKEN,
          path,
          "ends with '/', so the token is missing from it");
    }
    return path;
  }

  private String logoutMethod(Mirror login, String logoutPath) {
    String method = login.string("logoutMethod");
    if (!Syntax.isHttpToken(method)) {
      login.error(
          reporter,
          "logoutMethod",
          Diagnostic.BAD_LOGOUT_METHOD,
          method,
          "is not an HTTP method (RFC 9110 section 9), e.g. \"DELETE\" or \"POST\"");
    } else if (login.isExplicit("logoutMethod") && logoutPath.isEmpty()) {
      login.error(
          reporter,
          "logoutMethod",
          Diagnostic.BAD_LOGOUT_METHOD,
          method,
          "is set but logoutPath is empty, so no logout is ever made");
    }
    return method;
  }

  /** The JSON body of a POST or PUT logout; any other method sends no body. */
  private List<String> logoutFields(Mirror login, String method, List<StaticHeaderModel> headers) {
    boolean hasBody = method.equals("POST") || method.equals("PUT");
    if (!hasBody && !login.list("logoutFields").isEmpty()) {
      login.error(
          reporter,
          login.list("logoutFields").get(0),
          Diagnostic.BAD_LOGIN_FIELD,
          "logoutFields",
          login.strings("logoutFields").get(0),
          "is never sent: only a POST or PUT logout has a body");
      return List.of();
    }
    return fields.read(login, "logoutFields", "JSON", headers);
  }

  private Optional<CsrfModel> csrf(Mirror csrf) {
    String pointer = checks.pointer(csrf, "pointer");
    String answerHeader = checks.httpName(csrf, "answerHeader", "header", true);
    String answerCookie = checks.httpName(csrf, "answerCookie", "cookie", true);
    String header = checks.httpName(csrf, "header", "header", true);
    List<String> sources = new ArrayList<>();
    for (String source : List.of("pointer", "answerHeader", "answerCookie")) {
      if (!csrf.string(source).isEmpty()) {
        sources.add(source);
      }
    }
    if (sources.isEmpty() && header.isEmpty()) {
      return Optional.empty();
    }
    if (sources.size() > 1) {
      csrf.error(
          reporter,
          sources.get(1),
          Diagnostic.CSRF_SOURCE_CHOICE,
          sources.get(0) + " and " + sources.get(1) + " are both set");
    } else if (sources.isEmpty()) {
      csrf.error(reporter, "header", Diagnostic.CSRF_SOURCE_CHOICE, "no source is set");
    } else if (header.isEmpty()) {
      csrf.error(
          reporter,
          sources.get(0),
          Diagnostic.CSRF_SOURCE_CHOICE,
          "header is empty, so the value would never be sent");
    }
    return Optional.of(
        new CsrfModel(pointer, answerHeader, answerCookie, header, csrf.bool("writesOnly")));
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
