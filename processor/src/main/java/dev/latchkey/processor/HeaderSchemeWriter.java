package dev.latchkey.processor;

import static dev.latchkey.processor.RuntimeNames.HEADER_AUTH_MODE;
import static dev.latchkey.processor.RuntimeNames.HEADER_SCHEME;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.latchkey.processor.HeaderModel.BodyField;
import dev.latchkey.processor.HeaderModel.SessionModel;
import dev.latchkey.processor.HeaderModel.StaticHeaderModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps {@code @HeaderAuth} onto {@code HeaderScheme.builder()}: one setter per {@code
 * @StaticHeader} (its value checked by the runtime's {@code build()}), and {@code mode(..)}.
 */
final class HeaderSchemeWriter implements SchemeWriter {
  private static final ClassName STRING = ClassName.get(String.class);

  private final HeaderModel header;

  HeaderSchemeWriter(HeaderModel header) {
    this.header = header;
  }

  @Override
  public List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (StaticHeaderModel staticHeader : header.headers()) {
      fields.add(Setters.field(STRING, staticHeader.setter()));
    }
    fields.add(Setters.field(HEADER_AUTH_MODE, "mode"));
    return fields;
  }

  @Override
  public List<MethodSpec> setters(ClassName builder) {
    List<MethodSpec> setters = new ArrayList<>();
    for (StaticHeaderModel staticHeader : header.headers()) {
      setters.add(Setters.setter(builder, STRING, staticHeader.setter(),
          "The value of the {@code $L} header$L; required.", staticHeader.name(),
          staticHeader.secret() ? " (a secret: never logged or shown)" : ""));
    }
    setters.add(Setters.setter(builder, HEADER_AUTH_MODE, "mode",
        "Basic or session authentication; $L unless set.",
        header.session().isPresent() ? "session" : "basic"));
    return setters;
  }

  @Override
  public CodeBlock schemeBody() {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("$T scheme = $T.builder()\n", HEADER_SCHEME.nestedClass("Builder"), HEADER_SCHEME)
            .indent().indent();
    for (StaticHeaderModel staticHeader : header.headers()) {
      code.add(".header($S, $S, $L, this.$N)\n", staticHeader.name(), staticHeader.setter(),
          staticHeader.secret(), staticHeader.setter());
    }
    code.add(".basicAllowed($L)\n", header.basic());
    header.session().ifPresent(session -> session(code, session));
    code.add(".authFailedStatus($L)\n", TokenSchemeWriter.ints(header.authFailedStatus()))
        .add(".rateLimitStatus($L);\n", TokenSchemeWriter.ints(header.rateLimitStatus()))
        .unindent().unindent()
        .beginControlFlow("if (mode != null)")
        .addStatement("scheme.mode(mode)")
        .endControlFlow()
        .beginControlFlow("if (credentials != null)")
        .addStatement("scheme.credentials(credentials)")
        .endControlFlow();
    return code.addStatement("return scheme.build()").build();
  }

  private static void session(CodeBlock.Builder code, SessionModel session) {
    CodeBlock idle = session.idleLifetime().map(TokenSchemeWriter::duration)
        .orElse(CodeBlock.of("null"));
    code.add(".session($S, $S, $S, $S, $S, $L, $S)\n", session.path(), session.usernameField(),
        session.passwordField(), session.keyPointer(), session.keyHeader(), idle,
        session.endPath());
    for (BodyField field : session.bodyFields()) {
      code.add(".sessionBodyField($S, $S)\n", field.pointer(), field.setter());
    }
  }
}
