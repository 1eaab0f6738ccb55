package dev.latchkey.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the {@code ```java} blocks of our Markdown files and the markers above them. */
final class Snippets {
  private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*(.*?)\\s*-->");

  private Snippets() {}

  /** README.md, redis/README.md and every docs/*.md: a new doc page is scanned by being there. */
  static List<Path> files(Path root) throws IOException {
    List<Path> files =
        new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("redis/README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  static List<Snippet> read(Path root, Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String name = root.relativize(file).toString();
    List<Snippet> snippets = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    boolean skip = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      Matcher marker = MARKER.matcher(line);
      if (marker.matches()) {
        String directive = marker.group(1);
        if (directive.equals("skip")) {
          skip = true;
        } else if (directive.startsWith("imports ")) {
          Arrays.stream(directive.substring("imports ".length()).split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .forEach(imports::add);
        } else {
          throw new IllegalArgumentException(name + ":" + (i + 1) + ": unknown snippet marker '"
              + directive + "' (skip, imports a.B, c.*)");
        }
        continue;
      }
      if (line.equals("```java")) {
        int start = i + 1;
        StringBuilder code = new StringBuilder();
        while (++i < lines.size() && !lines.get(i).strip().equals("```")) {
          code.append(lines.get(i)).append('\n');
        }
        snippets.add(new Snippet(name, start, code.toString(), List.copyOf(imports), skip));
        imports.clear();
        skip = false;
      } else if (!line.isEmpty()) {
        // A marker applies only to the block right below it.
        imports.clear();
        skip = false;
      }
    }
    return snippets;
  }
}
