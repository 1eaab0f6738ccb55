package dev.latchkey.processor;

import static dev.latchkey.processor.RuntimeNames.HEADER_AUTH_MODE;
import static dev.latchkey.processor.RuntimeNames.HEADER_SCHEME;
import static dev.latchkey.processor.RuntimeNames.SESSION_STORE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.latchkey.processor.HeaderModel.BodyField;
import dev.latchkey.processor.HeaderModel.SessionModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps {@code @HeaderAuth} onto {@code HeaderScheme.builder()}: the {@code @StaticHeader} setters
 * (their values checked by the runtime), {@code mode(..)} unless the headers are the whole
 * authentication, and {@code sessionStore(..)} when the API declares a session.
 */
final class HeaderSchemeWriter implements SchemeWriter {
  private final HeaderModel header;
  private final StaticHeaderWriter staticHeaders;

  HeaderSchemeWriter(HeaderModel header) {
    this.header = header;
    this.staticHeaders = new StaticHeaderWriter(header.headers());
  }

  @Override
  public List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>(staticHeaders.fields());
    if (header.needsCredentials()) {
      fields.add(Setters.field(HEADER_AUTH_MODE, "mode"));
    }
    fields.add(Setters.field(TokenSchemeWriter.DURATION, "maxRateLimitWait"));
    if (header.session().isPresent()) {
      fields.add(Setters.field(SESSION_STORE, "sessionStore"));
    }
    return fields;
  }

  @Override
  public List<MethodSpec> setters(ClassName builder) {
    List<MethodSpec> setters = new ArrayList<>(staticHeaders.setters(builder));
    if (!header.needsCredentials()) {
      return setters; // the static headers are the whole authentication: no mode to choose
    }
    setters.add(Setters.setter(
        builder,
        HEADER_AUTH_MODE,
        "mode",
        "Basic or session authentication; "
            + (header.session().isPresent() ? "session" : "basic")
            + " unless set."));
    setters.add(Setters.setter(
        builder,
        TokenSchemeWriter.DURATION,
        "maxRateLimitWait",
        "The longest Retry-After the client waits out by itself, once, before retrying a"
            + " rate-limited call; zero, throw RateLimitedException at once, unless set."));
    if (header.session().isPresent()) {
      setters.add(Setters.setter(
          builder,
          SESSION_STORE,
          "sessionStore",
          "Where the session lives, so that clients in other processes (a file store) or on"
              + " other machines (a Redis store) share it; in memory when not set."));
    }
    return setters;
  }

  @Override
  public CodeBlock schemeBody() {
    Chain chain =
        new Chain("$T scheme = $T.builder()", HEADER_SCHEME.nestedClass("Builder"), HEADER_SCHEME);
    staticHeaders.declare(chain);
    chain.call("basicAllowed($L)", header.basic());
    header.session().ifPresent(session -> session(chain, session));
    chain
        .call("authFailedStatus($L)", TokenSchemeWriter.ints(header.authFailedStatus()))
        .call("rateLimitStatus($L)", TokenSchemeWriter.ints(header.rateLimitStatus()));
    CodeBlock.Builder code = CodeBlock.builder().add(chain.build());
    if (header.needsCredentials()) {
      code.beginControlFlow("if (mode != null)")
          .addStatement("scheme.mode(mode)")
          .endControlFlow()
          .beginControlFlow("if (credentials != null)")
          .addStatement("scheme.credentials(credentials)")
          .endControlFlow();
    }
    code.beginControlFlow("if (maxRateLimitWait != null)")
        .addStatement("scheme.maxRateLimitWait(maxRateLimitWait)")
        .endControlFlow();
    if (header.session().isPresent()) {
      code.beginControlFlow("if (sessionStore != null)")
          .addStatement("scheme.sessionStore(sessionStore)")
          .endControlFlow();
    }
    return code.addStatement("return scheme.build()").build();
  }

  /** One argument a line: seven strings in a row are unreadable otherwise. */
  private static void session(Chain chain, SessionModel session) {
    CodeBlock idle =
        session.idleLifetime().map(TokenSchemeWriter::duration).orElse(CodeBlock.of("null"));
    chain.call(
        "session(\n$>$>$S,\n$S,\n$S,\n$S,\n$S,\n$L,\n$S)$<$<",
        session.path(),
        session.usernameField(),
        session.passwordField(),
        session.keyPointer(),
        session.keyHeader(),
        idle,
        session.endPath());
    for (BodyField field : session.bodyFields()) {
      chain.call("sessionBodyField($S, $S)", field.pointer(), field.setter());
    }
  }
}
