package dev.latchkey.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates {@code Latchkey<Name>} for every interface annotated with {@code @DigestAuth},
 * {@code @TokenLogin} or {@code @HeaderAuth}.
 *
 * <p>Gradle "isolating": each generated file comes from one interface, its originating element. A
 * bug in the processor never crashes the user's build: an unexpected exception becomes one {@link
 * Diagnostic#INTERNAL_ERROR} on the interface being processed.
 */
@AutoService(Processor.class)
public class LatchkeyProcessor extends AbstractProcessor {
  /** Interfaces that name types not generated yet, by qualified name, for the next round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  /**
   * The processor option that turns the client index off ({@code -Alatchkey.index=false}): no
   * {@code Latchkey<Name>Definition}, no {@code META-INF/services} entry, and Gradle sees the
   * processor as isolating again. On by default: the Spring Boot starter needs the index.
   */
  public static final String INDEX_OPTION = "latchkey.index";

  /** The definitions written so far, by class name, with their interfaces (for the index). */
  private final Map<String, TypeElement> definitions = new TreeMap<>();

  /** Creates the processor; javac finds it through {@code META-INF/services}. */
  public LatchkeyProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.copyOf(ClientReader.AUTH_ANNOTATIONS);
  }

  /**
   * {@link #INDEX_OPTION}, and for Gradle (which reads this processor as "dynamic") whether it is
   * aggregating (the index gathers every interface in one file) or isolating (index off).
   */
  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(
        INDEX_OPTION,
        indexing()
            ? "org.gradle.annotation.processing.aggregating"
            : "org.gradle.annotation.processing.isolating");
  }

  private boolean indexing() {
    return processingEnv == null
        || !"false".equalsIgnoreCase(processingEnv.getOptions().get(INDEX_OPTION));
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    // One interface may carry several auth annotations (an error reported once by the reader).
    Set<Element> annotated = new LinkedHashSet<>();
    for (String name : deferred) {
      annotated.add(processingEnv.getElementUtils().getTypeElement(name));
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      annotated.addAll(round.getElementsAnnotatedWith(annotation));
    }
    for (Element element : annotated) {
      try {
        TypeElement iface = (TypeElement) element;
        if (ErrorTypes.in(iface, processingEnv.getElementUtils())) {
          defer(iface, round);
        } else {
          generate(iface, reporter);
        }
      } catch (Exception | LinkageError | AssertionError e) {
        reporter.error(element, Diagnostic.INTERNAL_ERROR, element, describe(e));
      }
    }
    if (round.processingOver() && !definitions.isEmpty()) {
      writeIndex(reporter);
    }
    return false;
  }

  /**
   * Waits for the next round: another processor may write the missing type. If none does, javac
   * reports it as missing, and a second error from us would only add noise.
   */
  private void defer(TypeElement iface, RoundEnvironment round) {
    if (!round.processingOver()) {
      deferred.add(iface.getQualifiedName().toString());
    }
  }

  /** Reads, checks and writes one interface. Package-private so a test can make it fail. */
  void generate(TypeElement iface, Reporter reporter) throws Exception {
    Optional<ClientModel> model = new ClientReader(
            processingEnv.getElementUtils(), processingEnv.getTypeUtils(), trees(), reporter)
        .read(iface);
    if (model.isPresent()) {
      new ClientWriter(processingEnv.getTypeUtils()).write(model.get(), processingEnv.getFiler());
      writeDefinition(model.get());
    }
  }

  /** {@code Latchkey<Name>Definition} for a public interface, remembered for the index. */
  private void writeDefinition(ClientModel model) throws IOException {
    if (!indexing() || !model.isPublic()) {
      return; // a non-public client cannot be listed: ServiceLoader needs a public provider
    }
    new DefinitionWriter(model).javaFile().writeTo(processingEnv.getFiler());
    definitions.put(DefinitionWriter.name(model).canonicalName(), model.iface());
  }

  /** The services index, once, in the last round; a failure is one error, not a crash. */
  private void writeIndex(Reporter reporter) {
    try {
      ServiceIndexWriter.write(
          processingEnv.getFiler(),
          definitions.keySet(),
          definitions.values().toArray(new TypeElement[0]));
    } catch (IOException | RuntimeException e) {
      TypeElement first = definitions.values().iterator().next();
      reporter.error(first, Diagnostic.INTERNAL_ERROR, first, describe(e));
    }
  }

  /** The compiler's tree API, or null when javac is wrapped (Gradle) or not javac at all. */
  private Trees trees() {
    try {
      return Trees.instance(processingEnv);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The exception and where it was thrown: enough for a bug report, short enough to read. */
  static String describe(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 ? e.toString() : e + " at " + trace[0];
  }
}
