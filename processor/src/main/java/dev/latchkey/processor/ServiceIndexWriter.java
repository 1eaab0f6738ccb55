package dev.latchkey.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.latchkey.runtime.spi.ClientDefinition}: the index through
 * which the Spring Boot starter (or any framework) finds the generated clients, without scanning
 * the class path. Written once, in the last round, from every interface of the compilation.
 *
 * <p>Entries already in the file are kept (as AutoService does): an IDE that recompiles only the
 * changed files would otherwise drop the clients it did not recompile. A stale entry whose class is
 * gone is skipped at run time by {@code ClientDefinition.installed}.
 *
 * <p>Gradle: one file from many interfaces makes the processor "aggregating" while the index is on
 * (Gradle then reprocesses every annotated interface when one changes, and recompiles only what
 * changed); {@code -Alatchkey.index=false} turns the index off and the processor back into
 * "isolating". The processor tells Gradle which through {@link LatchkeyProcessor#getSupportedOptions}.
 */
final class ServiceIndexWriter {
  static final String PATH =
      "META-INF/services/" + DefinitionWriter.CLIENT_DEFINITION.canonicalName();

  private ServiceIndexWriter() {}

  static void write(Filer filer, Collection<String> providers, Element... originating)
      throws IOException {
    Set<String> lines = new TreeSet<>(existing(filer));
    lines.addAll(providers);
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, originating);
    try (Writer writer = file.openWriter()) {
      for (String line : lines) {
        writer.write(line);
        writer.write('\n');
      }
    }
  }

  /** The entries of an index left by an earlier compilation; none if there is none. */
  private static Set<String> existing(Filer filer) {
    Set<String> lines = new TreeSet<>();
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (Reader reader = file.openReader(true);
          BufferedReader buffered = new BufferedReader(reader)) {
        for (String line = buffered.readLine(); line != null; line = buffered.readLine()) {
          String entry = line.replaceFirst("#.*", "").trim();
          if (!entry.isEmpty()) {
            lines.add(entry);
          }
        }
      }
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException none) {
      // No earlier index (the usual case on a clean build), or a Filer that cannot read one.
    }
    return lines;
  }
}
