package dev.latchkey.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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

  /**
   * CPU time this JVM has used so far (all its threads, user and system), in nanoseconds; -1 where
   * the platform does not say. Unlike wall time it hardly moves with the machine's load.
   */
  public static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /**
   * Milliseconds the JIT compilers have spent so far (all compiler threads); -1 where the JVM
   * does not say. A measurement during which this grows is not yet warm.
   */
  public static long jitMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }

  /** One line: date, cores, JDK, OS. */
  public static String describe() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, JDK "
        + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
