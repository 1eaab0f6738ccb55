package dev.latchkey.processor.check;

import dev.latchkey.processor.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Test-only stand-in for LatchkeyProcessor: runs {@link MethodChecks} on every method of every
 * interface in the compilation, and remembers each method's verdict.
 */
final class CheckingProcessor extends AbstractProcessor {
  final List<String> valid = new ArrayList<>();
  final List<String> invalid = new ArrayList<>();
  private final Predicate<TypeElement> checked;

  /** Checks every interface of the compilation. */
  CheckingProcessor() {
    this(iface -> true);
  }

  /** Checks the interfaces that {@code checked} accepts, with the methods they inherit. */
  CheckingProcessor(Predicate<TypeElement> checked) {
    this.checked = checked;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    for (Element root : round.getRootElements()) {
      if (root.getKind() != ElementKind.INTERFACE || !checked.test((TypeElement) root)) {
        continue;
      }
      TypeElement iface = (TypeElement) root;
      for (ExecutableElement method : interfaceMethods(iface)) {
        boolean ok = MethodChecks.check(
            method, iface, reporter, processingEnv.getTypeUtils(), processingEnv.getElementUtils());
        (ok ? valid : invalid).add(method.getSimpleName().toString());
      }
    }
    return false;
  }

  /** Declared and inherited interface methods; Object's methods are not Retrofit calls. */
  private List<ExecutableElement> interfaceMethods(TypeElement iface) {
    return ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(iface)).stream()
        .filter(method -> method.getEnclosingElement().getKind() == ElementKind.INTERFACE)
        .toList();
  }
}
