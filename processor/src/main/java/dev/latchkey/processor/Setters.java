package dev.latchkey.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** The one shape of every generated builder setter: a null check, a field, {@code this}. */
final class Setters {
  private Setters() {}

  static FieldSpec field(TypeName type, String name) {
    return FieldSpec.builder(type, name, Modifier.PRIVATE).build();
  }

  /** A setter whose Javadoc is {@code javadoc}, plain text, wrapped for reading. */
  static MethodSpec setter(ClassName builder, TypeName type, String name, String javadoc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(Javadocs.of(javadoc))
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(type, name)
        .addStatement("this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name, name)
        .addStatement("return this")
        .build();
  }
}
