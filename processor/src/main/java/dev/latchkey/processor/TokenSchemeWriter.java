package dev.latchkey.processor;

import static dev.latchkey.processor.RuntimeNames.JWT_SIGNING_KEY;
import static dev.latchkey.processor.RuntimeNames.LOGIN_BODY;
import static dev.latchkey.processor.RuntimeNames.SESSION_STORE;
import static dev.latchkey.processor.RuntimeNames.TOKEN_SCHEME;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps {@code @TokenLogin} onto {@code TokenScheme.builder()}. Only what the annotation uses is
 * written, so the generated code reads like the annotation; JWT login adds {@code signingKey(..)}.
 */
final class TokenSchemeWriter implements SchemeWriter {
  static final ClassName DURATION = ClassName.get(Duration.class);

  private final TokenModel token;
  private final boolean xml;
  private final StaticHeaderWriter staticHeaders;

  TokenSchemeWriter(TokenModel token, boolean xml) {
    this.token = token;
    this.xml = xml;
    this.staticHeaders = new StaticHeaderWriter(token.headers());
  }

  @Override
  public List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>(staticHeaders.fields());
    fields.add(Setters.field(SESSION_STORE, "sessionStore"));
    fields.add(Setters.field(DURATION, "maxThrottleWait"));
    fields.add(Setters.field(DURATION, "badPasswordBackoff"));
    if (token.hasJwt()) {
      fields.add(Setters.field(JWT_SIGNING_KEY, "signingKey"));
    }
    return fields;
  }

  @Override
  public List<MethodSpec> setters(ClassName builder) {
    List<MethodSpec> setters = new ArrayList<>(staticHeaders.setters(builder));
    MethodSpec store = Setters.setter(
        builder,
        SESSION_STORE,
        "sessionStore",
        "Where the session and the login budget live, so that clients in other processes (a"
            + " file store) or on other machines share them; in memory when not set.");
    setters.add(store);
    setters.add(Setters.setter(
        builder,
        DURATION,
        "maxThrottleWait",
        "How long a call may wait for the login budget (the login limit) before it fails with"
            + " LoginThrottledException; zero, fail at once, unless set."));
    setters.add(Setters.setter(
        builder,
        DURATION,
        "badPasswordBackoff",
        "After a refused password or an unusable account, calls fail at once for this long"
            + " instead of logging in again (which could lock the account); 5 minutes unless"
            + " set."));
    if (!token.hasJwt()) {
      return setters;
    }
    setters.add(Setters.setter(
        builder,
        JWT_SIGNING_KEY,
        "signingKey",
        "The key that signs JWT logins ({@code "
            + token.jwtPath()
            + "}); used instead of the"
            + " password when set."));
    return setters;
  }

  @Override
  public CodeBlock schemeBody() {
    Chain chain =
        new Chain("$T scheme = $T.builder()", TOKEN_SCHEME.nestedClass("Builder"), TOKEN_SCHEME);
    if (!token.path().isEmpty()) {
      chain.call("loginPath($S)", token.path());
      if (!token.loginBody().equals("JSON")) {
        chain.call("loginBody($T.$N)", LOGIN_BODY, token.loginBody());
      }
      if (token.loginBasic()) {
        chain.call("loginBasic(true)");
      } else {
        chain
            .call("usernameField($S)", token.usernameField())
            .call("passwordField($S)", token.passwordField());
      }
      strings(chain, "loginFields", token.loginFields());
    }
    optional(chain, "tokenPointer", token.tokenPointer());
    optional(chain, "tokenHeader", token.tokenHeader());
    optional(chain, "tokenCookie", token.tokenCookie());
    if (!token.cookie().isEmpty()) {
      chain.call("cookie($S)", token.cookie());
    } else if (!token.query().isEmpty()) {
      chain.call("query($S)", token.query());
    } else {
      chain.call("header($S, $S)", token.header(), token.headerFormat());
    }
    optional(chain, "expiresInPointer", token.expiresInPointer());
    token.idleLifetime().ifPresent(d -> chain.call("idleLifetime($L)", duration(d)));
    token.hardLifetime().ifPresent(d -> chain.call("hardLifetime($L)", duration(d)));
    chain.call("sessionGoneStatus($L)", ints(token.sessionGoneStatus()));
    optional(chain, "errorPointer", token.errorPointer());
    strings(chain, "sessionGoneErrors", token.sessionGoneErrors());
    strings(chain, "badCredentialErrors", token.badCredentialErrors());
    strings(chain, "terminalErrors", token.terminalErrors());
    strings(chain, "forbiddenErrors", token.forbiddenErrors());
    token
        .loginLimit()
        .ifPresent(
            limit -> chain.call("loginLimit($L, $L)", limit.count(), duration(limit.window())));
    optional(chain, "throttleCodePointer", token.throttleCodePointer());
    strings(chain, "throttleCodes", token.throttleCodes());
    optional(chain, "jwtPath", token.jwtPath());
    if (!token.logoutPath().isEmpty()) {
      chain.call("logout($S, $S)", token.logoutPath(), token.logoutMethod());
      strings(chain, "logoutFields", token.logoutFields());
    }
    token
        .csrf()
        .ifPresent(csrf -> chain.call(
            "csrf($S, $S, $S, $S, $L)",
            csrf.pointer(),
            csrf.answerHeader(),
            csrf.answerCookie(),
            csrf.header(),
            csrf.writesOnly()));
    staticHeaders.declare(chain);
    if (xml) {
      chain.call("xml(true)");
    }
    CodeBlock.Builder code = CodeBlock.builder().add(chain.build());
    code.beginControlFlow("if (credentials != null)")
        .addStatement("scheme.credentials(credentials)")
        .endControlFlow();
    code.beginControlFlow("if (sessionStore != null)")
        .addStatement("scheme.sessionStore(sessionStore)")
        .endControlFlow();
    code.beginControlFlow("if (maxThrottleWait != null)")
        .addStatement("scheme.maxThrottleWait(maxThrottleWait)")
        .endControlFlow();
    code.beginControlFlow("if (badPasswordBackoff != null)")
        .addStatement("scheme.badPasswordBackoff(badPasswordBackoff)")
        .endControlFlow();
    if (token.hasJwt()) {
      code.beginControlFlow("if (signingKey != null)")
          .addStatement("scheme.signingKey(signingKey)")
          .endControlFlow();
    }
    return code.addStatement("return scheme.build()").build();
  }

  static CodeBlock duration(Duration duration) {
    return CodeBlock.of("$T.parse($S)", Duration.class, duration.toString());
  }

  static String ints(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static void optional(Chain chain, String method, String value) {
    if (!value.isEmpty()) {
      chain.call("$N($S)", method, value);
    }
  }

  private static void strings(Chain chain, String method, List<String> values) {
    if (!values.isEmpty()) {
      CodeBlock list =
          values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", "));
      chain.call("$N($L)", method, list);
    }
  }
}
