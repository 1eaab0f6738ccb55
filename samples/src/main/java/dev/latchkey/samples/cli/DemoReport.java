package dev.latchkey.samples.cli;

import java.io.PrintStream;

/** The lines of one sample's demo story: one per step, marked ok or FAILED, and a verdict. */
public final class DemoReport {
  private final PrintStream out;
  private boolean allOk = true;

  public DemoReport(PrintStream out) {
    this.out = out;
  }

  /** Prints a step and its counts; a step that did not go as expected fails the story. */
  public void step(String name, boolean ok, String detail) {
    out.printf("  [%s] %-22s %s%n", ok ? "ok" : "FAILED", name, detail);
    allOk &= ok;
  }

  /** Prints an explanatory line that is not a step. */
  public void note(String text) {
    out.println("       " + text);
  }

  /** True if every step so far was ok. */
  public boolean allOk() {
    return allOk;
  }
}
