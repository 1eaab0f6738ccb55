package dev.latchkey.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports {@link Diagnostic}s on the exact element, annotation and annotation value that is wrong,
 * and remembers whether any error was reported (so a reader can refuse to build a model).
 */
public final class Reporter {
  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, Diagnostic diagnostic, Object... args) {
    errors++;
    messager.printMessage(Kind.ERROR, diagnostic.format(args), element);
  }

  public void error(
      Element element, AnnotationMirror annotation, Diagnostic diagnostic, Object... args) {
    errors++;
    messager.printMessage(Kind.ERROR, diagnostic.format(args), element, annotation);
  }

  public void error(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Diagnostic diagnostic,
      Object... args) {
    errors++;
    messager.printMessage(Kind.ERROR, diagnostic.format(args), element, annotation, value);
  }

  /**
   * Reports on a source tree, for the few places {@code Messager} cannot find from an element
   * (see {@link AnnotationSource}).
   */
  void error(
      Trees trees, Tree tree, CompilationUnitTree unit, Diagnostic diagnostic, Object... args) {
    errors++;
    trees.printMessage(Kind.ERROR, diagnostic.format(args), tree, unit);
  }

  public void warning(Element element, Diagnostic diagnostic, Object... args) {
    messager.printMessage(Kind.WARNING, diagnostic.format(args), element);
  }

  /** How many errors were reported so far; compare before and after a check. */
  public int errorCount() {
    return errors;
  }
}
