package dev.latchkey.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * An annotation found in the source tree. Needed for repeated annotations: javac wraps them in a
 * container of its own that has no source, so {@code Messager} cannot place an error on one of them
 * (it falls back to the interface). Through the compiler's tree API we can.
 */
final class AnnotationSource {
  private final Trees trees;
  private final CompilationUnitTree unit;
  private final AnnotationTree tree;

  private AnnotationSource(Trees trees, CompilationUnitTree unit, AnnotationTree tree) {
    this.trees = trees;
    this.unit = unit;
    this.tree = tree;
  }

  /**
   * The annotations of type {@code qualifiedName} written directly on {@code type}, in source
   * order; empty when the tree API is unavailable (not javac, or javac behind a wrapper).
   */
  static List<AnnotationSource> find(Trees trees, TypeElement type, String qualifiedName) {
    List<AnnotationSource> result = new ArrayList<>();
    TreePath path = trees == null ? null : trees.getPath(type);
    if (path == null || !(path.getLeaf() instanceof ClassTree classTree)) {
      return result;
    }
    for (AnnotationTree annotation : classTree.getModifiers().getAnnotations()) {
      Element annotationType = trees.getElement(new TreePath(path, annotation.getAnnotationType()));
      if (annotationType instanceof TypeElement typeElement
          && typeElement.getQualifiedName().contentEquals(qualifiedName)) {
        result.add(new AnnotationSource(trees, path.getCompilationUnit(), annotation));
      }
    }
    return result;
  }

  /** Reports on attribute {@code name} if written, else on the whole annotation. */
  void error(Reporter reporter, String name, Diagnostic diagnostic, Object... args) {
    reporter.error(trees, attribute(name), unit, diagnostic, args);
  }

  /**
   * Reports on item {@code index} of array attribute {@code name} when written as {@code {..}},
   * else as {@link #error(Reporter, String, Diagnostic, Object...)} does.
   */
  void error(Reporter reporter, String name, int index, Diagnostic diagnostic, Object... args) {
    Tree tree = attribute(name);
    if (tree instanceof NewArrayTree array
        && array.getInitializers() != null
        && index < array.getInitializers().size()) {
      tree = array.getInitializers().get(index);
    }
    reporter.error(trees, tree, unit, diagnostic, args);
  }

  private Tree attribute(String name) {
    if (name != null) {
      for (ExpressionTree argument : tree.getArguments()) {
        if (argument instanceof AssignmentTree assignment
            && assignment.getVariable() instanceof IdentifierTree id
            && id.getName().contentEquals(name)) {
          return assignment.getExpression();
        }
      }
    }
    return tree;
  }
}
