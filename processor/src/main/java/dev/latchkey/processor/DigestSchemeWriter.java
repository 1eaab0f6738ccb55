package dev.latchkey.processor;

import static dev.latchkey.processor.RuntimeNames.DIGEST_ALGORITHM;
import static dev.latchkey.processor.RuntimeNames.DIGEST_SCHEME;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.time.Duration;
import java.util.List;

/** Maps {@code @DigestAuth} onto {@code DigestScheme.builder()}; no setters of its own. */
final class DigestSchemeWriter implements SchemeWriter {
  private final DigestModel digest;

  DigestSchemeWriter(DigestModel digest) {
    this.digest = digest;
  }

  @Override
  public List<FieldSpec> fields() {
    return List.of();
  }

  @Override
  public List<MethodSpec> setters(ClassName builder) {
    return List.of();
  }

  @Override
  public CodeBlock schemeBody() {
    CodeBlock algorithms =
        digest.algorithms().stream()
            .map(name -> CodeBlock.of("$T.$N", DIGEST_ALGORITHM, name))
            .collect(CodeBlock.joining(", "));
    return CodeBlock.builder()
        .add("$T scheme = $T.builder()\n", DIGEST_SCHEME.nestedClass("Builder"), DIGEST_SCHEME)
        .indent().indent()
        .add(".nonceLifetime($T.parse($S))\n", Duration.class, digest.nonceLifetime().toString())
        .add(".algorithms($T.of($L))\n", List.class, algorithms)
        .add(".integrity($L)\n", digest.integrity())
        .add(".realm($S)\n", digest.realm())
        .add(".proxy($L);\n", digest.proxy())
        .unindent().unindent()
        .beginControlFlow("if (credentials != null)")
        .addStatement("scheme.credentials(credentials)")
        .endControlFlow()
        .addStatement("return scheme.build()")
        .build();
  }
}
