package dev.latchkey.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;

/**
 * What {@code @CallAdapters} declares.
 *
 * @param factories call adapter factories the generated builder installs with {@code create()}
 * @param wrappers qualified names of the wrapper types the methods may return
 */
record AdaptersModel(List<ClassName> factories, Set<String> wrappers) {
  static final AdaptersModel NONE = new AdaptersModel(List.of(), Set.of());

  AdaptersModel {
    factories = List.copyOf(factories);
    wrappers = Set.copyOf(wrappers);
  }
}
