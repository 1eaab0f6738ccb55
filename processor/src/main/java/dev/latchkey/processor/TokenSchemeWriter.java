package dev.latchkey.processor;

import static dev.latchkey.processor.RuntimeNames.JWT_SIGNING_KEY;
import static dev.latchkey.processor.RuntimeNames.TOKEN_SCHEME;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps {@code @TokenLogin} onto {@code TokenScheme.builder()}. Only what the annotation uses is
 * written, so the generated code reads like the annotation; JWT login adds {@code signingKey(..)}.
 */
final class TokenSchemeWriter implements SchemeWriter {
  private final TokenModel token;

  TokenSchemeWriter(TokenModel token) {
    this.token = token;
  }

  @Override
  public List<FieldSpec> fields() {
    return token.hasJwt() ? List.of(Setters.field(JWT_SIGNING_KEY, "signingKey")) : List.of();
  }

  @Override
  public List<MethodSpec> setters(ClassName builder) {
    if (!token.hasJwt()) {
      return List.of();
    }
    return List.of(Setters.setter(builder, JWT_SIGNING_KEY, "signingKey",
        "The key that signs JWT logins ({@code $L}); used instead of the password when set.",
        token.jwtPath()));
  }

  @Override
  public CodeBlock schemeBody() {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("$T scheme = $T.builder()\n", TOKEN_SCHEME.nestedClass("Builder"), TOKEN_SCHEME)
            .indent().indent();
    if (!token.path().isEmpty()) {
      code.add(".loginPath($S)\n", token.path())
          .add(".usernameField($S)\n", token.usernameField())
          .add(".passwordField($S)\n", token.passwordField());
    }
    code.add(".tokenPointer($S)\n", token.tokenPointer());
    if (token.header().isEmpty()) {
      code.add(".cookie($S)\n", token.cookie());
    } else {
      code.add(".header($S, $S)\n", token.header(), token.headerFormat());
    }
    token.idleLifetime().ifPresent(d -> code.add(".idleLifetime($L)\n", duration(d)));
    token.hardLifetime().ifPresent(d -> code.add(".hardLifetime($L)\n", duration(d)));
    code.add(".sessionGoneStatus($L)\n", ints(token.sessionGoneStatus()));
    optional(code, "errorPointer", token.errorPointer());
    strings(code, "sessionGoneErrors", token.sessionGoneErrors());
    strings(code, "badCredentialErrors", token.badCredentialErrors());
    strings(code, "terminalErrors", token.terminalErrors());
    strings(code, "forbiddenErrors", token.forbiddenErrors());
    token.loginLimit().ifPresent(limit ->
        code.add(".loginLimit($L, $L)\n", limit.count(), duration(limit.window())));
    optional(code, "throttleCodePointer", token.throttleCodePointer());
    strings(code, "throttleCodes", token.throttleCodes());
    optional(code, "jwtPath", token.jwtPath());
    code.add(";\n").unindent().unindent();
    code.beginControlFlow("if (credentials != null)")
        .addStatement("scheme.credentials(credentials)")
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

  private static void optional(CodeBlock.Builder code, String method, String value) {
    if (!value.isEmpty()) {
      code.add(".$N($S)\n", method, value);
    }
  }

  private static void strings(CodeBlock.Builder code, String method, List<String> values) {
    if (!values.isEmpty()) {
      CodeBlock list =
          values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", "));
      code.add(".$N($L)\n", method, list);
    }
  }
}
