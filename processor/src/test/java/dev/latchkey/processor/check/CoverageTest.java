package dev.latchkey.processor.check;

import static com.google.common.truth.Truth.assertThat;

import dev.latchkey.processor.Diagnostic;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every LK1xx diagnostic has a test that makes the checks report it. */
class CoverageTest {
  private static final List<Class<?>> TESTS = List.of(
      HttpMethodCheckTest.class,
      UrlCheckTest.class,
      PathCheckTest.class,
      BodyCheckTest.class,
      FormCheckTest.class,
      HeadersCheckTest.class,
      ReturnTypeCheckTest.class,
      ParameterCheckTest.class);

  @Test
  void everyMethodDiagnosticHasATest() {
    Set<Diagnostic> covered = TESTS.stream()
        .flatMap(test -> Arrays.stream(test.getDeclaredMethods()))
        .filter(method -> method.isAnnotationPresent(Covers.class))
        .map(method -> method.getAnnotation(Covers.class).value())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Diagnostic.class)));
    Set<Diagnostic> methodDiagnostics = Arrays.stream(Diagnostic.values())
        .filter(diagnostic -> diagnostic.code().startsWith("LK1"))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Diagnostic.class)));
    assertThat(covered).containsExactlyElementsIn(methodDiagnostics);
  }

  @Test
  void eachDiagnosticIsCoveredOnce() {
    List<Diagnostic> all = TESTS.stream()
        .flatMap(test -> Arrays.stream(test.getDeclaredMethods()))
        .map(method -> method.getAnnotation(Covers.class))
        .filter(covers -> covers != null)
        .map(Covers::value)
        .toList();
    assertThat(all).containsNoDuplicates();
  }

  @Test
  void codesAreUnique() {
    List<String> codes =
        Arrays.stream(Diagnostic.values()).map(Diagnostic::code).toList();
    assertThat(codes).containsNoDuplicates();
  }

  @SuppressWarnings("unused")
  private static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }
}
