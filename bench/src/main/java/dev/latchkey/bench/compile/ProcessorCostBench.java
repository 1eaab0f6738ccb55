package dev.latchkey.bench.compile;

import dev.latchkey.bench.Machine;
import dev.latchkey.bench.Mode;
import dev.latchkey.bench.Report;
import dev.latchkey.bench.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles N generated annotated interfaces (half {@code @DigestAuth}, half {@code @TokenLogin},
 * two Retrofit methods each) in-process with javax.tools, once with {@code -proc:none} and once
 * with {@code LatchkeyProcessor} (which also compiles the clients it writes), alternating, after
 * one untimed warm-up of each. Reports the median wall time of each.
 */
public final class ProcessorCostBench {
  private static final String PACKAGE = "bench.gen";
  private static final String PROCESSOR = "dev.latchkey.processor.LatchkeyProcessor";

  private final Mode mode;
  private final Report report;

  public ProcessorCostBench(Mode mode, Report report) {
    this.mode = mode;
    this.report = report;
  }

  public void run() throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      report.problem("processor cost: no system Java compiler (a JRE, not a JDK?)");
      return;
    }
    Path work = Files.createTempDirectory("latchkey-bench-compile");
    try {
      List<Path> sources = writeSources(work.resolve("src"), mode.compileInterfaces());
      compile(javac, sources, work, false, 0);
      compile(javac, sources, work, true, 0);
      long[] without = new long[mode.compileRepeats()];
      long[] with = new long[mode.compileRepeats()];
      for (int i = 0; i < mode.compileRepeats(); i++) {
        without[i] = compile(javac, sources, work, false, i + 1);
        with[i] = compile(javac, sources, work, true, i + 1);
      }
      long plain = median(without);
      long processed = median(with);
      Table table = new Table(
          "Processor cost: javac on " + mode.compileInterfaces()
              + " annotated interfaces, in-process, median of " + mode.compileRepeats(),
          "compile",
          "median ms",
          "min ms",
          "max ms",
          "per interface ms",
          "load avg");
      String load = Machine.loadAverage();
      table.row(
          "-proc:none",
          plain,
          min(without),
          max(without),
          Table.num((double) plain / mode.compileInterfaces(), 2),
          load);
      table.row(
          "with LatchkeyProcessor (writes and compiles " + mode.compileInterfaces() + " clients)",
          processed,
          min(with),
          max(with),
          Table.num((double) processed / mode.compileInterfaces(), 2),
          load);
      table.row(
          "processor's share",
          processed - plain,
          "",
          "",
          Table.num((double) (processed - plain) / mode.compileInterfaces(), 2),
          load);
      report.table("compile", table);
    } finally {
      deleteTree(work);
    }
  }

  /** One compile into a fresh output directory; returns its wall time in milliseconds. */
  private long compile(
      JavaCompiler javac, List<Path> sources, Path work, boolean processor, int round)
      throws IOException {
    Path out = work.resolve((processor ? "with-" : "without-") + round);
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    String classPath = System.getProperty("java.class.path");
    List<String> options = new ArrayList<>(List.of(
        "--release",
        "17",
        "-d",
        classes.toString(),
        "-s",
        generated.toString(),
        "-classpath",
        classPath,
        "-implicit:none"));
    if (processor) {
      options.addAll(List.of("-processor", PROCESSOR, "-processorpath", classPath));
    } else {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean ok = javac
          .getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (!ok) {
        report.problem(
            "processor cost: compile failed: " + diagnostics.getDiagnostics().get(0));
      }
      if (processor) {
        long clients;
        try (Stream<Path> walk = Files.walk(classes)) {
          clients = walk.filter(p -> p.getFileName().toString().matches("LatchkeyApi\\d+\\.class"))
              .count();
        }
        if (clients != sources.size()) {
          report.problem("processor cost: " + clients + " clients generated for " + sources.size()
              + " interfaces");
        }
      }
      return millis;
    }
  }

  private static List<Path> writeSources(Path dir, int count) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve(PACKAGE.replace('.', '/')));
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("Api%03d", i);
      Path file = pkg.resolve(name + ".java");
      Files.writeString(file, source(name, i % 2 == 0));
      sources.add(file);
    }
    return sources;
  }

  private static String source(String name, boolean digest) {
    String auth = digest
        ? "@dev.latchkey.annotations.DigestAuth(nonceLifetime = \"PT5M\")\n"
        : "@dev.latchkey.annotations.TokenLogin(tokenPointer = \"/response/token\",\n"
            + "    header = \"Authorization\", headerFormat = \"{token}\",\n"
            + "    idleLifetime = \"PT2H\",\n"
            + "    hardLifetime = \"PT24H\", errorPointer = \"/response/error_id\",\n"
            + "    sessionGoneErrors = \"NOAUTH\", badCredentialErrors = \"NOAUTH\",\n"
            + "    loginLimit = \"10/PT5M\")\n";
    return "package " + PACKAGE + ";\n\n"
        + "import okhttp3.ResponseBody;\n"
        + "import retrofit2.Call;\n"
        + "import retrofit2.http.GET;\n"
        + "import retrofit2.http.Path;\n\n"
        + "/** Generated by the processor-cost benchmark. */\n"
        + auth
        + "@dev.latchkey.annotations.Environment(name = \"production\",\n"
        + "    baseUrl = \"https://api.example.com/v1/\")\n"
        + "public interface " + name + " {\n"
        + "  @GET(\"items\") Call<ResponseBody> items();\n\n"
        + "  @GET(\"items/{id}\") Call<ResponseBody> item(@Path(\"id\") String id);\n"
        + "}\n";
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long min(long[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  private static long max(long[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
