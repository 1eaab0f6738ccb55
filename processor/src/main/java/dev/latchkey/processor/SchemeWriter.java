package dev.latchkey.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.util.List;

/**
 * The part of a generated builder that depends on the kind of authentication: its own setters and
 * the body of {@code scheme()}, which maps the annotation's values and the user's onto the runtime
 * scheme's builder.
 */
interface SchemeWriter {

  /** Fields for the kind's own setters, in setter order. */
  List<FieldSpec> fields();

  /** The kind's own setters (after the common ones), each returning {@code builder}. */
  List<MethodSpec> setters(ClassName builder);

  /** The body of {@code private AuthScheme scheme()}. */
  CodeBlock schemeBody();

  static SchemeWriter of(ClientModel model) {
    AuthModel auth = model.auth();
    if (auth instanceof DigestModel digest) {
      return new DigestSchemeWriter(digest);
    }
    if (auth instanceof TokenModel token) {
      return new TokenSchemeWriter(token, model.xml());
    }
    return new HeaderSchemeWriter((HeaderModel) auth);
  }
}
