package dev.latchkey.samples.xandr;

import dev.latchkey.samples.cli.Options;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link XandrSimulator} accepts and enforces: the one account, token lifetimes, the login
 * limit, and the port (0 picks a free one). {@code toString()} hides the password.
 */
public record XandrSimulatorConfig(
    String user,
    String password,
    long userId,
    Duration tokenIdle,
    Duration tokenMax,
    int loginLimit,
    Duration loginWindow,
    int port) {

  /** The account the simulator and the demo use when no flags say otherwise. */
  public static final String DEFAULT_USER = "demo-bidder";
  /** Meets seed 003's password rules: 10-64 characters, upper, lower, digit, special. */
  public static final String DEFAULT_PASSWORD = "Demo-Pass-2026!";

  public XandrSimulatorConfig {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tokenIdle, "tokenIdle");
    Objects.requireNonNull(tokenMax, "tokenMax");
    Objects.requireNonNull(loginWindow, "loginWindow");
  }

  /** The documented service: 2 h idle, 24 h hard, 10 logins per 5 minutes. */
  public static XandrSimulatorConfig defaults() {
    return new XandrSimulatorConfig(
        DEFAULT_USER,
        DEFAULT_PASSWORD,
        1001,
        Duration.ofHours(2),
        Duration.ofHours(24),
        10,
        Duration.ofMinutes(5),
        0);
  }

  /** From {@code --user --password-env --token-idle --token-max --login-limit --port}. */
  public static XandrSimulatorConfig from(Options options) {
    XandrSimulatorConfig d = defaults();
    String limit = options.get("--login-limit", d.loginLimit() + "/" + d.loginWindow());
    String[] parts = limit.split("/", 2);
    int count;
    Duration window;
    try {
      count = Integer.parseInt(parts[0]);
      window = Duration.parse(parts[1]);
    } catch (RuntimeException e) {
      throw new Options.UsageException(
          "--login-limit takes COUNT/DURATION such as 10/PT5M, not '" + limit + "'");
    }
    if (count < 1 || window.isNegative() || window.isZero()) {
      throw new Options.UsageException(
          "--login-limit needs a positive count and window, not '" + limit + "'");
    }
    return new XandrSimulatorConfig(
        options.get("--user", d.user()),
        options.secretFromEnv("--password-env", d.password()),
        d.userId(),
        options.duration("--token-idle", d.tokenIdle()),
        options.duration("--token-max", d.tokenMax()),
        count,
        window,
        options.integer("--port", 0));
  }

  /** The same configuration with other lifetimes. */
  public XandrSimulatorConfig withLifetimes(Duration idle, Duration max) {
    return new XandrSimulatorConfig(
        user, password, userId, idle, max, loginLimit, loginWindow, port);
  }

  @Override
  public String toString() {
    return "XandrSimulatorConfig{user=" + user + ", password=██, tokenIdle=" + tokenIdle
        + ", tokenMax=" + tokenMax + ", loginLimit=" + loginLimit + "/" + loginWindow + ", port="
        + port + "}";
  }
}
