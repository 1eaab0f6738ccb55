package dev.latchkey.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writer needs to generate one client, already validated.
 *
 * @param iface the annotated interface (the originating element of the generated file)
 * @param interfaceName the interface as JavaPoet names it
 * @param generatedName {@code Latchkey<Name>} in the interface's package
 * @param clientName the name given to {@code LatchkeyClient.builder(name)}: the interface's name
 * @param isPublic whether the generated class is public (it is when the interface is)
 * @param environments the declared environments, in source order
 * @param xml whether bodies are XML ({@code @Xml})
 * @param pins the {@code @PinCertificates}, in source order (host patterns are distinct)
 * @param auth the authentication scheme and its settings
 * @param methods the abstract methods to delegate, inherited ones included
 * @param adapters the call adapters declared with {@code @CallAdapters}
 */
record ClientModel(
    TypeElement iface,
    ClassName interfaceName,
    ClassName generatedName,
    String clientName,
    boolean isPublic,
    List<EnvironmentModel> environments,
    boolean xml,
    List<PinModel> pins,
    AuthModel auth,
    List<MethodModel> methods,
    AdaptersModel adapters) {

  ClientModel {
    environments = List.copyOf(environments);
    pins = List.copyOf(pins);
    methods = List.copyOf(methods);
  }
}
