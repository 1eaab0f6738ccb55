package dev.latchkey.samples.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code demo}: each registered sample starts its own simulator on loopback and tells its story
 * (first call, reuse, expiry and renewal, wrong password). Exit 0 only if every story worked.
 */
final class DemoCommand {
  private DemoCommand() {}

  static int run(List<Sample> samples, PrintStream out) {
    int worked = 0;
    for (Sample sample : samples) {
      out.println("== " + sample.name() + " ==");
      boolean ok;
      try {
        ok = sample.demo(out);
      } catch (Exception e) {
        out.println("  FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        ok = false;
      }
      out.println("== " + sample.name() + ": " + (ok ? "OK" : "FAILED") + " ==");
      out.println();
      if (ok) {
        worked++;
      }
    }
    out.println("demo: " + worked + " of " + samples.size() + " samples worked");
    out.flush();
    return worked == samples.size() ? 0 : 1;
  }
}
