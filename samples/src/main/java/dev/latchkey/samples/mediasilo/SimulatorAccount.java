package dev.latchkey.samples.mediasilo;

import dev.latchkey.samples.cli.Options;
import java.time.Duration;

/**
 * The one account a {@link MediaSiloSimulator} accepts, and its session idle lifetime.
 * {@link #toString()} leaves the password and API key out.
 */
public record SimulatorAccount(
    String user, String password, String hostContext, String apiKey, Duration sessionIdle) {
  /** The demo account, used when the simulator's flags do not name another. */
  public static final SimulatorAccount DEMO = new SimulatorAccount(
      "demo", "demo-password", "myaccount", "myappkey", Duration.ofMinutes(60));

  /** From {@code --user U --password-env VAR --host-context C --api-key-env VAR --session-idle PT60M}. */
  public static SimulatorAccount from(Options options) {
    return new SimulatorAccount(
        options.get("--user", DEMO.user()),
        options.secretFromEnv("--password-env", DEMO.password()),
        options.get("--host-context", DEMO.hostContext()),
        options.secretFromEnv("--api-key-env", DEMO.apiKey()),
        options.duration("--session-idle", DEMO.sessionIdle()));
  }

  @Override
  public String toString() {
    return "SimulatorAccount{user=" + user + ", hostContext=" + hostContext + ", sessionIdle="
        + sessionIdle + "}";
  }
}
