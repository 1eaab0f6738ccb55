package dev.latchkey.processor;

import static dev.latchkey.processor.RuntimeNames.DIGEST_ALGORITHM;
import static dev.latchkey.processor.RuntimeNames.DIGEST_SCHEME;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
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
    CodeBlock algorithms = digest.algorithms().stream()
        .map(name -> CodeBlock.of("$T.$N", DIGEST_ALGORITHM, name))
        .collect(CodeBlock.joining(", "));
    Chain chain = new Chain(
            "$T scheme = $T.builder()", DIGEST_SCHEME.nestedClass("Builder"), DIGEST_SCHEME)
        .call("nonceLifetime($L)", TokenSchemeWriter.duration(digest.nonceLifetime()))
        .call("algorithms($T.of($L))", List.class, algorithms)
        .call("integrity($L)", digest.integrity())
        .call("realm($S)", digest.realm())
        .call("proxy($L)", digest.proxy());
    if (digest.mutualAuth()) {
      // only when asked for: the generated code of every other digest interface stays as it was
      chain.call("mutualAuth(true)");
    }
    return CodeBlock.builder()
        .add(chain.build())
        .beginControlFlow("if (credentials != null)")
        .addStatement("scheme.credentials(credentials)")
        .endControlFlow()
        .addStatement("return scheme.build()")
        .build();
  }
}
