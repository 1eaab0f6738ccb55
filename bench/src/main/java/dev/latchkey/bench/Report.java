package dev.latchkey.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmarks found: tables by section name (the markers in {@code docs/benchmarks.md}),
 * the verdict on each goal of issue 8, and problems, any of which fails the run (a client
 * failed, an invariant broke). Filled by one thread at a time.
 */
public final class Report {
  /** One goal of a benchmark: what it asks, what was measured, and whether that meets it. */
  public record Goal(String benchmark, String goal, String measured, boolean met) {}

  private final Map<String, List<Table>> sections = new LinkedHashMap<>();
  private final List<Goal> goals = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /** Adds {@code table} to {@code section} and prints it. */
  public void table(String section, Table table) {
    sections.computeIfAbsent(section, s -> new ArrayList<>()).add(table);
    System.out.println();
    System.out.println("### " + table.title());
    System.out.println(table.markdown());
  }

  /** Records a goal of {@code benchmark} (digest, token, jmh): docs section goals-BENCHMARK. */
  public void goal(String benchmark, String goal, String measured, boolean met) {
    goals.add(new Goal(benchmark, goal, measured, met));
    System.out.println((met ? "GOAL MET: " : "GOAL NOT MET: ") + goal + " -> " + measured);
  }

  /** Something that must not happen even in quick mode: the run ends non-zero. */
  public void problem(String problem) {
    problems.add(problem);
    System.out.println("PROBLEM: " + problem);
  }

  public Map<String, List<Table>> sections() {
    return sections;
  }

  public List<Goal> goals() {
    return goals;
  }

  public List<String> problems() {
    return problems;
  }
}
