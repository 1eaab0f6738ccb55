package dev.latchkey.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh JVMs on the harness's own class path, so every client starts from the same jars and JDK.
 * Every wait is bounded; a process that overstays is killed and reported as failed.
 */
final class Jvm {
  private static final Pattern FIELD = Pattern.compile("\\b([a-z_]+)=(\\d+)");
  /** GNU time, if installed: the CPU time a process used, which the machine's load barely moves. */
  private static final Path TIME = Path.of("/usr/bin/time");

  private static final Pattern CPU = Pattern.compile("cpu_seconds=([0-9.]+)\\+([0-9.]+)");

  private Jvm() {}

  /** What a finished process left: its exit code, its output and its wall time. */
  record Run(int exitCode, String output, long wallNanos) {
    double wallMillis() {
      return wallNanos / 1e6;
    }

    /** A number from the last {@code stats ...} or {@code baseline ...} line, or -1. */
    long field(String name) {
      long value = -1;
      for (String line : output.lines().toList()) {
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
          if (m.group(1).equals(name)) {
            value = Long.parseLong(m.group(2));
          }
        }
      }
      return value;
    }

    /** User plus system CPU time of the process in ms (from /usr/bin/time), or NaN. */
    double cpuMillis() {
      Matcher m = CPU.matcher(output);
      double cpu = Double.NaN;
      while (m.find()) {
        cpu = (Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2))) * 1000;
      }
      return cpu;
    }

    /** True if the process ended with 0 and reported no failed call. */
    boolean clean() {
      return exitCode == 0 && field("failed") == 0;
    }

    /** The last lines of the output, for a problem report. */
    String tail() {
      List<String> lines = output.lines().toList();
      return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
  }

  static List<String> command(List<String> flags, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** Runs {@code mainClass} to its end (at most {@code limit}); wall time from spawn to exit. */
  static Run run(
      List<String> flags,
      String mainClass,
      List<String> args,
      Map<String, String> env,
      Duration limit)
      throws IOException, InterruptedException {
    // Output goes to a file, so that a process that hangs cannot block a read: the wait below
    // is the only one, and it is bounded.
    Path output = Files.createTempFile("latchkey-bench-jvm", ".out");
    try {
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(TIME)) {
        command.addAll(List.of(TIME.toString(), "-f", "cpu_seconds=%U+%S"));
      }
      command.addAll(command(flags, mainClass, args));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(env);
      long start = System.nanoTime();
      Process process = builder.start();
      boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      long wall = System.nanoTime() - start;
      if (!ended) {
        process.destroyForcibly();
        return new Run(-1, "killed after " + limit, wall);
      }
      return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), wall);
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
