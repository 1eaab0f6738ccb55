package dev.latchkey.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.latchkey.processor.HeaderModel.StaticHeaderModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * The builder part of {@code @StaticHeader}s, for {@code @HeaderAuth} and {@code @TokenLogin}
 * alike: a {@code Supplier<String>} field per setter, a {@code String} setter and a {@code
 * Supplier<String>} overload (asked on every request), and the runtime call that declares each
 * header.
 */
final class StaticHeaderWriter {
  static final TypeName SUPPLIER =
      ParameterizedTypeName.get(ClassName.get(Supplier.class), ClassName.get(String.class));

  private final List<StaticHeaderModel> headers;

  StaticHeaderWriter(List<StaticHeaderModel> headers) {
    this.headers = headers;
  }

  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (StaticHeaderModel header : headers) {
      if (header.hasSetter()) {
        fields.add(Setters.field(SUPPLIER, header.setter()));
      }
    }
    return fields;
  }

  List<MethodSpec> setters(ClassName builder) {
    List<MethodSpec> setters = new ArrayList<>();
    for (StaticHeaderModel header : headers) {
      if (!header.hasSetter()) {
        continue;
      }
      String what = "The value of the {@code "
          + header.name()
          + "} header"
          + (header.format().equals("{value}")
              ? ""
              : ", sent as {@code " + header.format().replace("{value}", "<value>") + "}")
          + (header.secret() ? " (a secret: never logged or shown)" : "");
      setters.add(MethodSpec.methodBuilder(header.setter())
          .addJavadoc(Javadocs.of(what + "; required."))
          .addModifiers(Modifier.PUBLIC)
          .returns(builder)
          .addParameter(String.class, header.setter())
          .addStatement(
              "$T.requireNonNull($N, $S)", Objects.class, header.setter(), header.setter())
          .addStatement("this.$N = () -> $N", header.setter(), header.setter())
          .addStatement("return this")
          .build());
      setters.add(Setters.setter(
          builder,
          SUPPLIER,
          header.setter(),
          what
              + ", asked on every request, so that a value that rotates (a token file)"
              + " needs no rebuild."));
    }
    return setters;
  }

  /** One {@code header(name, setter, secret, format, value)} call per header. */
  void declare(Chain chain) {
    for (StaticHeaderModel header : headers) {
      if (header.hasSetter()) {
        chain.call(
            "header($S, $S, $L, $S, this.$N)",
            header.name(),
            header.setter(),
            header.secret(),
            header.format(),
            header.setter());
      } else {
        chain.call(
            "header($S, $S, $L, $S, () -> $S)",
            header.name(),
            header.setter(),
            header.secret(),
            header.format(),
            header.value());
      }
    }
  }
}
