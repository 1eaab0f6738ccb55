package dev.latchkey.samples.cli;

import java.util.List;

/**
 * What a {@code call} run did: the numbers of its {@code stats} line, the first successful body,
 * and the first few failures.
 *
 * @param requests calls made (N)
 * @param ok calls that returned a 2xx body
 * @param failed calls that threw
 * @param roundTrips HTTP exchanges on the wire
 * @param rejected 401/403/407 or NOAUTH answers seen
 * @param logins LOGIN events (login or session-creation calls)
 * @param elapsedMillis wall time of the N calls
 * @param firstBody the body of the lowest-numbered successful call, or null if none succeeded
 * @param failures one line per failure ("Type: message"), at most {@link #MAX_FAILURES_SHOWN}
 */
public record CallResult(
    long requests,
    long ok,
    long failed,
    long roundTrips,
    long rejected,
    long logins,
    long elapsedMillis,
    String firstBody,
    List<String> failures) {

  /** How many failure lines are kept; the rest are counted. */
  public static final int MAX_FAILURES_SHOWN = 5;

  public CallResult {
    failures = List.copyOf(failures);
  }

  /** The contract's last line of {@code call}. */
  public String statsLine() {
    return "stats requests=" + requests + " ok=" + ok + " failed=" + failed
        + " round_trips=" + roundTrips + " rejected=" + rejected + " logins=" + logins
        + " elapsed_ms=" + elapsedMillis;
  }
}
