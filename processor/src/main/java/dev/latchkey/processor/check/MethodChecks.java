package dev.latchkey.processor.check;

import dev.latchkey.processor.Reporter;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one interface method the way Retrofit checks it when the proxy first calls it, so that
 * mistakes fail the build instead of the first request. Every problem is reported (not only the
 * first, as Retrofit does), each on the exact method, parameter or annotation value, with a
 * {@link dev.latchkey.processor.Diagnostic} code in LK100-LK199.
 */
public final class MethodChecks {
  private MethodChecks() {}

  /**
   * Checks {@code method} of {@code iface} and reports every problem to {@code reporter}.
   *
   * @param method an abstract method declared in or inherited by {@code iface}; {@code default}
   *     and {@code static} methods are not Retrofit calls and are accepted without checks
   * @param iface the annotated interface the method belongs to; an inherited method is checked
   *     with its types as declared, as Retrofit's reflection sees them
   * @return true when the method is valid, i.e. no error was reported for it
   */
  public static boolean check(
      ExecutableElement method,
      TypeElement iface,
      Reporter reporter,
      Types types,
      Elements elements) {
    return check(method, iface, Set.of(), reporter, types, elements);
  }

  /**
   * As {@link #check(ExecutableElement, TypeElement, Reporter, Types, Elements)}, where the
   * interface declares call adapters for the wrapper types {@code adapted} (qualified names,
   * from {@code @CallAdapters}).
   */
  public static boolean check(
      ExecutableElement method,
      TypeElement iface,
      Set<String> adapted,
      Reporter reporter,
      Types types,
      Elements elements) {
    if (method.getModifiers().contains(Modifier.DEFAULT)
        || method.getModifiers().contains(Modifier.STATIC)) {
      return true;
    }
    int before = reporter.errorCount();
    RetrofitMethod retrofit = RetrofitMethod.read(method, adapted, types, elements);
    HttpMethodCheck.check(retrofit, reporter);
    UrlCheck.check(retrofit, reporter);
    PathCheck.check(retrofit, reporter);
    BodyCheck.check(retrofit, reporter);
    FormCheck.check(retrofit, reporter);
    PartCheck.check(retrofit, reporter);
    HeadersCheck.check(retrofit, reporter);
    ParameterCheck.check(retrofit, reporter);
    ReturnTypeCheck.check(retrofit, reporter);
    return reporter.errorCount() == before;
  }
}
