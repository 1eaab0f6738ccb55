package dev.latchkey.bench.process;

import dev.latchkey.samples.mediasilo.SimulatorAccount;
import dev.latchkey.samples.ondemand.OnDemandSimulator;
import dev.latchkey.samples.xandr.XandrSimulatorConfig;
import java.util.List;

/** The three simulators of the samples, each with the auth kind it serves and its demo account. */
final class Simulators {
  static final List<String> NAMES = List.of("ondemand", "xandr", "mediasilo");

  private Simulators() {}

  /**
   * Flags for {@code simulate name}: every {@code call} process logs in once, and the cold-start
   * runs make more processes than Xandr's 10 logins per 5 minutes allow.
   */
  static List<String> options(String name) {
    return name.equals("xandr") ? List.of("--login-limit", "1000/PT5M") : List.of();
  }

  /** The scenario of simulator {@code name} served at {@code url}. */
  static Scenario scenario(String name, String url) {
    return switch (name) {
      case "ondemand" ->
        new Scenario(
            "digest",
            "ondemand simulator",
            "ondemand",
            url,
            "products",
            OnDemandSimulator.DEFAULT_USER,
            OnDemandSimulator.DEFAULT_PASSWORD,
            List.of());
      case "xandr" ->
        new Scenario(
            "token",
            "xandr simulator",
            "xandr",
            url,
            "member",
            XandrSimulatorConfig.DEFAULT_USER,
            XandrSimulatorConfig.DEFAULT_PASSWORD,
            List.of());
      // Basic mode: the same exchanges per call as the baselines' Basic header.
      case "mediasilo" ->
        new Scenario(
            "header",
            "mediasilo simulator",
            "mediasilo",
            url + "v3/",
            "me",
            SimulatorAccount.DEMO.user(),
            SimulatorAccount.DEMO.password(),
            List.of("--mode", "basic"));
      default -> throw new IllegalArgumentException("unknown simulator " + name);
    };
  }
}
