package dev.latchkey.samples.sim;

import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.mediasilo.MediaSiloSimulator;
import dev.latchkey.samples.mediasilo.SimulatorAccount;
import dev.latchkey.samples.ondemand.OnDemandSimulator;
import dev.latchkey.samples.xandr.XandrSimulator;
import dev.latchkey.samples.xandr.XandrSimulatorConfig;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;

/**
 * Run in a fresh JVM by {@link SimulatorNoDelayTest}: starts the simulator named by the argument
 * as the JVM's first {@code HttpServer} and prints {@code noDelay=true|false}, the value the JDK
 * server applies to every connection it accepts ({@code sun.net.httpserver.ServerConfig}, read
 * with {@code --add-opens}: the server offers no API to ask).
 */
public final class NoDelayProbe {
  private NoDelayProbe() {}

  public static void main(String[] args) throws Exception {
    try (RunningSimulator simulator = start(args[0])) {
      Class<?> config = Class.forName("sun.net.httpserver.ServerConfig");
      Field noDelay = config.getDeclaredField("noDelay");
      noDelay.setAccessible(true);
      System.out.println("noDelay=" + noDelay.getBoolean(null) + " url=" + simulator.url());
    }
  }

  private static RunningSimulator start(String name) throws Exception {
    Clock clock = Clock.systemUTC();
    return switch (name) {
      case "ondemand" ->
        OnDemandSimulator.start(0, "u", "p".toCharArray(), Duration.ofMinutes(5), clock);
      case "xandr" -> XandrSimulator.start(XandrSimulatorConfig.defaults(), clock);
      case "mediasilo" -> MediaSiloSimulator.start(SimulatorAccount.DEMO, clock, 0);
      default -> throw new IllegalArgumentException("unknown simulator " + name);
    };
  }
}
