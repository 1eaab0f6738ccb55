package dev.latchkey.bench;

import java.time.Duration;

/**
 * How long each benchmark runs: the full measurement, or the quick mode ({@code -Dbench.quick})
 * that only proves every benchmark still runs and checks its invariants, for CI.
 *
 * @param quick true in quick mode
 * @param digestRun one digest load run (one client, one scenario)
 * @param digestWarmup the untimed run per client before the first measured one (JIT warm-up)
 * @param coldRepeats how many times the cold start is repeated per client and server
 * @param tokenDays simulated days of the token benchmark
 * @param tokenStep simulated time that passes per 64 completed token calls
 * @param jmhIterations measurement (and warm-up) iterations per JMH benchmark
 * @param jmhIterationTime the length of one JMH iteration
 * @param compileRepeats repetitions of the processor-cost compile, each way
 * @param compileInterfaces annotated interfaces per compile
 */
public record Mode(
    boolean quick,
    Duration digestRun,
    Duration digestWarmup,
    int coldRepeats,
    int tokenDays,
    Duration tokenStep,
    int jmhIterations,
    Duration jmhIterationTime,
    int compileRepeats,
    int compileInterfaces) {

  /** From the system property {@code bench.quick} (absent or false: full). */
  public static Mode fromSystemProperties() {
    boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "false"));
    return quick ? brief() : full();
  }

  static Mode full() {
    return new Mode(
        false,
        Duration.ofSeconds(20),
        Duration.ofSeconds(5),
        5,
        3,
        Duration.ofMinutes(2),
        5,
        Duration.ofSeconds(2),
        7,
        200);
  }

  static Mode brief() {
    return new Mode(
        true,
        Duration.ofMillis(2500),
        Duration.ofMillis(500),
        1,
        1,
        Duration.ofMinutes(10),
        1,
        Duration.ofMillis(300),
        2,
        200);
  }
}
