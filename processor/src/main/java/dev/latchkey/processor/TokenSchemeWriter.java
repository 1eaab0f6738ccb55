package dev.latchkey.processor;

import static dev.latchkey.processor.RuntimeNames.JWT_SIGNING_KEY;
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

  TokenSchemeWriter(TokenModel token) {
    this.token = token;
  }

  @Override
  public List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
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
    MethodSpec store =
        Setters.setter(
            builder,
            SESSION_STORE,
            "sessionStore",
            "Where the session and the login budget live, so that clients in other processes (a"
                + " file store) or on other machines share them; in memory when not set.");
    List<MethodSpec> setters = new ArrayList<>();
    setters.add(store);
    setters.add(
        Setters.setter(
            builder,
            DURATION,
            "maxThrottleWait",
            "How long a call may wait for the login budget (the login limit) before it fails with"
                + " LoginThrottledException; zero, fail at once, unless set."));
    setters.add(
        Setters.setter(
            builder,
            DURATION,
            "badPasswordBackoff",
            "After a refused password or an unusable account, calls fail at once for this long"
                + " instead of logging in again (which could lock the account); 5 minutes unless"
                + " set."));
    if (!token.hasJwt()) {
      return setters;
    }
    setters.add(
        Setters.setter(
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
      chain
          .call("loginPath($S)", token.path())
          .call("usernameField($S)", token.usernameField())
          .call("passwordField($S)", token.passwordField());
    }
    chain.call("tokenPointer($S)", token.tokenPointer());
    if (token.header().isEmpty()) {
      chain.call("cookie($S)", token.cookie());
    } else {
      chain.call("header($S, $S)", token.header(), token.headerFormat());
    }
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
