package dev.latchkey.spring;

import dev.latchkey.samples.mediasilo.MediaSiloSimulator;
import dev.latchkey.samples.mediasilo.SimulatorAccount;
import dev.latchkey.samples.ondemand.OnDemandSimulator;
import dev.latchkey.samples.sim.SimServer;
import dev.latchkey.samples.xandr.XandrSimulator;
import dev.latchkey.samples.xandr.XandrSimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The three sample simulators on loopback, started once per test JVM on free ports, their base
 * URLs published as system properties ({@code sim.ondemand.url}, {@code sim.xandr.url}, {@code
 * sim.mediasilo.url}) for {@code application.yml} placeholders. Stopped when the JVM ends.
 */
final class Simulators {
  static final String ONDEMAND_USER = "robot_user";
  static final String ONDEMAND_PASSWORD = "robot-pass";
  static final SimulatorAccount MEDIASILO = SimulatorAccount.DEMO;
  static final XandrSimulatorConfig XANDR = XandrSimulatorConfig.defaults();

  static final SimServer ONDEMAND;
  static final XandrSimulator XANDR_SIM;
  static final MediaSiloSimulator MEDIASILO_SIM;

  static {
    try {
      ONDEMAND = OnDemandSimulator.start(
          0,
          ONDEMAND_USER,
          ONDEMAND_PASSWORD.toCharArray(),
          Duration.ofMinutes(5),
          Clock.systemUTC());
      XANDR_SIM = XandrSimulator.start(XANDR, Clock.systemUTC());
      MEDIASILO_SIM = MediaSiloSimulator.start(MEDIASILO, Clock.systemUTC(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("sim.ondemand.url", base(ONDEMAND.url()));
    System.setProperty("sim.xandr.url", base(XANDR_SIM.url()));
    System.setProperty("sim.mediasilo.url", base(MEDIASILO_SIM.url()) + "v3/");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ONDEMAND.close();
      XANDR_SIM.close();
      MEDIASILO_SIM.close();
    }));
  }

  private Simulators() {}

  static String base(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? text : text + "/";
  }

  /** Starts them (class initialisation) and returns the Xandr base URL. */
  static String xandrUrl() {
    return System.getProperty("sim.xandr.url");
  }
}
