package dev.latchkey.processor;

import static dev.latchkey.processor.RuntimeNames.AUTH_EVENT_LISTENER;
import static dev.latchkey.processor.RuntimeNames.AUTH_SCHEME;
import static dev.latchkey.processor.RuntimeNames.CALL_ADAPTER_FACTORY;
import static dev.latchkey.processor.RuntimeNames.CONFIG_EXCEPTION;
import static dev.latchkey.processor.RuntimeNames.CONVERTER_FACTORY;
import static dev.latchkey.processor.RuntimeNames.LATCHKEY_CLIENT;
import static dev.latchkey.processor.RuntimeNames.LATCHKEY_CLIENT_BUILDER;
import static dev.latchkey.processor.RuntimeNames.OBJECT_MAPPER;
import static dev.latchkey.processor.RuntimeNames.OK_HTTP_CLIENT;
import static dev.latchkey.processor.RuntimeNames.OK_HTTP_CLIENT_BUILDER;
import static dev.latchkey.processor.RuntimeNames.RETROFIT_BUILDER;
import static dev.latchkey.processor.RuntimeNames.TLS_POLICY;
import static dev.latchkey.processor.RuntimeNames.USER_PASSWORD;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the generated class's {@code Builder}: fields that hold what the user set, the common
 * setters, the kind's own setters, and {@code build()}, which hands everything to the runtime
 * (whose builders throw {@code LatchkeyConfigException} naming whatever is missing).
 */
final class BuilderWriter {
  private static final TypeName CUSTOMIZER =
      ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), OK_HTTP_CLIENT_BUILDER);
  /** A TLS call the user made, replayed on the runtime builder after the annotation's pins. */
  private static final TypeName TLS_STEP =
      ParameterizedTypeName.get(ClassName.get(Consumer.class), LATCHKEY_CLIENT_BUILDER);

  private static final TypeName CREDENTIALS =
      ParameterizedTypeName.get(ClassName.get(Supplier.class), USER_PASSWORD);
  private static final TypeName RETROFIT_HOOK =
      ParameterizedTypeName.get(ClassName.get(Consumer.class), RETROFIT_BUILDER);

  private final ClientModel model;
  private final SchemeWriter scheme;
  private final ClassName builder;

  BuilderWriter(ClientModel model, SchemeWriter scheme) {
    this.model = model;
    this.scheme = scheme;
    this.builder = model.generatedName().nestedClass("Builder");
  }

  TypeSpec builder() {
    return TypeSpec.classBuilder(builder)
        .addJavadoc(Javadocs.of("Configures a {@link "
            + model.generatedName().simpleName()
            + "}. Not thread-safe; each {@link #build()} makes a new client."))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addFields(fields())
        .addMethod(
            MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethods(setters())
        .addMethods(scheme.setters(builder))
        .addMethod(build())
        .addMethod(MethodSpec.methodBuilder("scheme")
            .addModifiers(Modifier.PRIVATE)
            .returns(AUTH_SCHEME)
            .addCode(scheme.schemeBody())
            .build())
        .build();
  }

  private List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(List.class), CUSTOMIZER),
            "customizers",
            Modifier.PRIVATE,
            Modifier.FINAL)
        .initializer("new $T<>()", ArrayList.class)
        .build());
    fields.add(FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(List.class), TLS_STEP),
            "tlsSteps",
            Modifier.PRIVATE,
            Modifier.FINAL)
        .initializer("new $T<>()", ArrayList.class)
        .build());
    fields.add(Setters.field(ClassName.get(String.class), "environment"));
    fields.add(Setters.field(ClassName.get(String.class), "baseUrl"));
    fields.add(Setters.field(OK_HTTP_CLIENT, "okHttpClient"));
    fields.add(FieldSpec.builder(Clock.class, "clock", Modifier.PRIVATE)
        .initializer("$T.systemUTC()", Clock.class)
        .build());
    fields.add(FieldSpec.builder(AUTH_EVENT_LISTENER, "eventListener", Modifier.PRIVATE)
        .initializer("$T.NONE", AUTH_EVENT_LISTENER)
        .build());
    if (model.auth().needsCredentials()) {
      fields.add(Setters.field(CREDENTIALS, "credentials"));
    }
    fields.add(list(CONVERTER_FACTORY, "converterFactories"));
    fields.add(list(CALL_ADAPTER_FACTORY, "callAdapterFactories"));
    fields.add(list(RETROFIT_HOOK, "retrofitHooks"));
    fields.add(Setters.field(OBJECT_MAPPER, "objectMapper"));
    fields.add(Setters.field(ClassName.get(Executor.class), "callbackExecutor"));
    fields.addAll(scheme.fields());
    return fields;
  }

  private static FieldSpec list(TypeName element, String name) {
    return FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(List.class), element),
            name,
            Modifier.PRIVATE,
            Modifier.FINAL)
        .initializer("new $T<>()", ArrayList.class)
        .build();
  }

  private List<MethodSpec> setters() {
    List<MethodSpec> setters = new ArrayList<>(connectionSetters());
    setters.add(adder(
        "addConverterFactory",
        CONVERTER_FACTORY,
        "converterFactories",
        "Adds a converter for bodies (Gson, Moshi, scalars ...), asked in the order added and"
            + " before the built-in Jackson one, which takes every type nobody claimed."));
    setters.add(adder(
        "addCallAdapterFactory",
        CALL_ADAPTER_FACTORY,
        "callAdapterFactories",
        "Adds a call adapter (RxJava, Reactor, Guava ...), asked in the order added and before"
            + " the interface's CallAdapters factories and the built-in ones; declare the types"
            + " it serves with CallAdapters on the interface."));
    setters.add(Setters.setter(
        builder,
        OBJECT_MAPPER,
        "objectMapper",
        "The Jackson mapper for bodies and for login answers, used as given; by default a"
            + " mapper with the JavaTime and JDK 8 modules that ignores unknown fields."));
    setters.add(Setters.setter(
        builder,
        ClassName.get(Executor.class),
        "callbackExecutor",
        "Where enqueued callbacks and CompletableFuture completions run; OkHttp's threads"
            + " unless set."));
    setters.add(adder(
        "retrofit",
        RETROFIT_HOOK,
        "retrofitHooks",
        "Changes any other Retrofit.Builder setting, in order after Latchkey's own; the base URL"
            + " and the authenticated OkHttp client are set last and cannot be replaced."));
    return setters;
  }

  private MethodSpec adder(String name, TypeName type, String field, String javadoc) {
    String parameter = name.equals("retrofit") ? "hook" : "factory";
    return MethodSpec.methodBuilder(name)
        .addJavadoc(Javadocs.of(javadoc))
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(type, parameter)
        .addStatement(
            "$N.add($T.requireNonNull($N, $S))", field, Objects.class, parameter, parameter)
        .addStatement("return this")
        .build();
  }

  private List<MethodSpec> connectionSetters() {
    TypeName string = ClassName.get(String.class);
    List<MethodSpec> setters = new ArrayList<>(List.of(
        Setters.setter(
            builder,
            string,
            "environment",
            "Selects a declared environment"
                + environmentNames()
                + ". A later {@link #baseUrl}"
                + " wins."),
        Setters.setter(
            builder,
            string,
            "baseUrl",
            "Calls this base URL (absolute, ending in {@code /}) instead of an environment's."),
        Setters.setter(
            builder,
            OK_HTTP_CLIENT,
            "okHttpClient",
            "An OkHttp client to extend (timeouts, proxies, interceptors); it is not closed by the"
                + " client."),
        Setters.setter(
            builder,
            ClassName.get(Clock.class),
            "clock",
            "The clock for lifetimes and events; the system UTC clock unless set."),
        Setters.setter(
            builder,
            AUTH_EVENT_LISTENER,
            "eventListener",
            "Receives every authentication event; none unless set."),
        customize(),
        pins(),
        trustPem(),
        tls()));
    if (model.auth().needsCredentials()) {
      setters.add(Setters.setter(
          builder,
          CREDENTIALS,
          "credentials",
          "Where the user name and password come from; asked at each login, so a rotated"
              + " password needs no restart."));
    }
    return setters;
  }

  private String environmentNames() {
    if (model.environments().isEmpty()) {
      return "";
    }
    return ": "
        + model.environments().stream()
            .map(environment -> "{@code \"" + environment.name() + "\"}")
            .collect(Collectors.joining(", "));
  }

  private MethodSpec customize() {
    return MethodSpec.methodBuilder("customize")
        .addJavadoc(Javadocs.of("Adds a step to the unauthenticated OkHttp client (TLS, logging),"
            + " applied in order."))
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(CUSTOMIZER, "customizer")
        .addStatement(
            "customizers.add($T.requireNonNull(customizer, $S))", Objects.class, "customizer")
        .addStatement("return this")
        .build();
  }

  private MethodSpec pins() {
    return MethodSpec.methodBuilder("pins")
        .addJavadoc(Javadocs.of(
            "Pins hosts matching {@code hostPattern} ({@code host}, {@code *.host} or {@code"
                + " **.host}) to these SPKI pins ({@code sha256/<base64>}), replacing the"
                + " pins of that pattern from the interface's PinCertificates annotation or an"
                + " earlier call."
                + " Applied in call order with {@link #trustPem} and {@link #tls}; a bad"
                + " pattern or pin makes {@link #build()} throw, naming it."))
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(String.class, "hostPattern")
        .addParameter(String[].class, "pins")
        .varargs()
        .addStatement("$T.requireNonNull(hostPattern, $S)", Objects.class, "hostPattern")
        .addStatement("String[] copy = $T.requireNonNull(pins, $S).clone()", Objects.class, "pins")
        .addStatement("tlsSteps.add(client -> client.pins(hostPattern, copy))")
        .addStatement("return this")
        .build();
  }

  private MethodSpec trustPem() {
    return MethodSpec.methodBuilder("trustPem")
        .addJavadoc(
            Javadocs.of("Trusts the PEM certificate(s) in {@code pemText} as extra trust anchors,"
                + " besides the platform's. Applied in call order with {@link #pins} and"
                + " {@link #tls}; bad PEM makes {@link #build()} throw."))
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(String.class, "pemText")
        .addStatement("$T.requireNonNull(pemText, $S)", Objects.class, "pemText")
        .addStatement("tlsSteps.add(client -> client.trustPem(pemText))")
        .addStatement("return this")
        .build();
  }

  private MethodSpec tls() {
    return MethodSpec.methodBuilder("tls")
        .addJavadoc(
            Javadocs.of("Replaces the whole TLS policy, including the pins from the interface's"
                + " PinCertificates annotations and earlier {@link #pins} and {@link"
                + " #trustPem} calls; later calls change it further."))
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(TLS_POLICY, "policy")
        .addStatement("$T.requireNonNull(policy, $S)", Objects.class, "policy")
        .addStatement("tlsSteps.add(client -> client.tls(policy))")
        .addStatement("return this")
        .build();
  }

  private MethodSpec build() {
    Chain client = new Chain(
        "$T client = $T.builder($S)", LATCHKEY_CLIENT_BUILDER, LATCHKEY_CLIENT, model.clientName());
    for (EnvironmentModel environment : model.environments()) {
      if (environment.isProperty()) {
        client.call(
            "declareEnvironmentProperty($S, $S)",
            environment.name(),
            environment.baseUrlProperty());
      } else {
        client.call("declareEnvironment($S, $S)", environment.name(), environment.baseUrl());
      }
    }
    if (model.xml()) {
      client.call("xml(true)");
    }
    client.call("auth(scheme())").call("clock(clock)").call("eventListener(eventListener)");
    // The annotation's pins go first: a user's pins(pattern, ..) replaces that pattern's pins.
    for (PinModel pin : model.pins()) {
      CodeBlock pins =
          pin.pins().stream().map(p -> CodeBlock.of("$S", p)).collect(CodeBlock.joining(",$W"));
      client.call("pins($S,$W$L)", pin.host(), pins);
    }
    return MethodSpec.methodBuilder("build")
        .addJavadoc(
            "Builds the client.\n\n@throws $T if a required setting is missing or\n"
                + "    invalid; the message names it\n",
            CONFIG_EXCEPTION)
        .addModifiers(Modifier.PUBLIC)
        .returns(model.generatedName())
        .addCode(client.build())
        .addCode(ifSet("environment"))
        .addCode(ifSet("baseUrl"))
        .addCode(ifSet("okHttpClient"))
        .addCode(forEach(TLS_STEP, "step", "tlsSteps", "step.accept(client)"))
        .addCode(forEach(CUSTOMIZER, "customizer", "customizers", "client.customize(customizer)"))
        .addCode(forEach(
            CONVERTER_FACTORY,
            "factory",
            "converterFactories",
            "client.addConverterFactory(factory)"))
        .addCode(forEach(
            CALL_ADAPTER_FACTORY,
            "factory",
            "callAdapterFactories",
            "client.addCallAdapterFactory(factory)"))
        .addCode(declaredAdapters())
        .addCode(forEach(RETROFIT_HOOK, "hook", "retrofitHooks", "client.retrofit(hook)"))
        .addCode(ifSet("objectMapper"))
        .addCode(ifSet("callbackExecutor"))
        .addStatement("return new $T(client.build())", model.generatedName())
        .build();
  }

  /** The factories of {@code @CallAdapters}, after the user's own. */
  private CodeBlock declaredAdapters() {
    CodeBlock.Builder code = CodeBlock.builder();
    for (ClassName factory : model.adapters().factories()) {
      code.addStatement("client.addCallAdapterFactory($T.create())", factory);
    }
    return code.build();
  }

  /**
   * {@code for (T element : list) statement;}. A loop, not {@code list.forEach(..)}: every lambda
   * and method reference is bootstrapped (a class spun) the first time it runs, and {@code build()}
   * runs once, on a fresh JVM's path to its first call (issue 17, cold start).
   */
  private static CodeBlock forEach(TypeName type, String element, String list, String statement) {
    return CodeBlock.builder()
        .beginControlFlow("for ($T $N : $N)", type, element, list)
        .addStatement(statement)
        .endControlFlow()
        .build();
  }

  private static CodeBlock ifSet(String name) {
    return CodeBlock.builder()
        .beginControlFlow("if ($N != null)", name)
        .addStatement("client.$N($N)", name, name)
        .endControlFlow()
        .build();
  }
}
