package dev.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the report as Markdown, and refreshes the generated sections of a docs file: the text
 * between {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}, so that the prose around
 * the tables survives a re-run.
 */
final class ResultsWriter {
  private ResultsWriter() {}

  static void write(
      Report report, Mode mode, List<String> benchmarks, long seconds, Path results, Path docs)
      throws IOException {
    String run = runLine(mode, benchmarks, seconds);
    StringBuilder all = new StringBuilder("# Benchmark results\n\n").append(run).append("\n\n");
    for (Map.Entry<String, List<Table>> section : report.sections().entrySet()) {
      all.append(sectionText(section.getValue()));
    }
    all.append(goals(report.goals()));
    Files.writeString(results, all);
    if (docs != null) {
      String text = Files.readString(docs);
      text = replace(text, "run", run + "\n");
      for (Map.Entry<String, List<Table>> section : report.sections().entrySet()) {
        text = replace(text, section.getKey(), sectionText(section.getValue()));
      }
      // Per benchmark, so that a run of some benchmarks (--only) keeps the others' verdicts.
      for (String benchmark :
          report.goals().stream().map(Report.Goal::benchmark).distinct().toList()) {
        text = replace(
            text,
            "goals-" + benchmark,
            goals(report.goals().stream()
                .filter(g -> g.benchmark().equals(benchmark))
                .toList()));
      }
      Files.writeString(docs, text);
    }
  }

  private static String runLine(Mode mode, List<String> benchmarks, long seconds) {
    return "Last run: " + Machine.describe() + "; " + (mode.quick() ? "quick" : "full")
        + " mode, benchmarks " + String.join(", ", benchmarks) + ", " + seconds
        + " s in all; load average at the end " + Machine.loadAverage() + ".";
  }

  private static String sectionText(List<Table> tables) {
    StringBuilder text = new StringBuilder();
    for (Table table : tables) {
      text.append("**")
          .append(table.title())
          .append("**\n\n")
          .append(table.markdown())
          .append('\n');
    }
    return text.toString();
  }

  private static String goals(List<Report.Goal> goals) {
    Table table = new Table("Goals (issues 8 and 17)", "goal", "measured", "verdict");
    goals.forEach(g -> table.row(g.goal(), g.measured(), g.met() ? "met" : "NOT met"));
    return sectionText(List.of(table));
  }

  /** Replaces a marked section; a file without the markers is left as it is. */
  private static String replace(String text, String name, String body) {
    Pattern section = Pattern.compile(
        "(<!-- bench:" + Pattern.quote(name) + " -->\n)(.*?)" + "(<!-- /bench:"
            + Pattern.quote(name) + " -->)",
        Pattern.DOTALL);
    Matcher m = section.matcher(text);
    if (!m.find()) {
      System.out.println("docs: no section '" + name + "', left as it is");
      return text;
    }
    return text.substring(0, m.start()) + m.group(1) + body + m.group(3) + text.substring(m.end());
  }
}
