package dev.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What a figure was measured on: cores, JDK, and the load average at the moment of measuring. */
public final class Machine {
  private Machine() {}

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or "n/a". */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  /** One line: date, cores, JDK, OS. */
  public static String describe() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, JDK "
        + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
