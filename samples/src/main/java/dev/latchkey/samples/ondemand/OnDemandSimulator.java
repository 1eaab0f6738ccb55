package dev.latchkey.samples.ondemand;

import com.sun.net.httpserver.HttpExchange;
import dev.latchkey.samples.cli.Options;
import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.sim.SimServer;
import dev.latchkey.samples.sim.SimStats;
import dev.latchkey.samples.sim.SimTls;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * A stand-in for the Mediagenix On-Demand API: XML behind HTTP Digest that it checks itself.
 *
 * <p>Routes: {@code GET /} (the API root, with links), {@code GET /products} (a product list),
 * {@code GET /__sim/stats}. Every API route needs Digest credentials for the one account; a nonce
 * is good for the nonce lifetime (default five minutes, as the seed says) and then answered with
 * {@code stale=true}.
 *
 * <p>Counters: {@code requests} (API requests), {@code rejected} (every 401 sent, challenges
 * included, matching the CLI's count of rejected answers), {@code logins} (successful
 * authentications with a nonce that had not authenticated before: digest has no login call, and
 * this is the moment a fresh nonce becomes a "session"), {@code login_throttled} (always 0: the
 * API has no login limit), {@code challenges} (401s to requests without credentials), {@code stale}
 * (right password, expired or unknown nonce), {@code replays} (a nonce count used twice), {@code
 * bad_credentials} (wrong user, password or malformed header).
 *
 * <p>The default account is the seed's own example, {@code curl --digest -u robot_user:password}:
 * user {@value #DEFAULT_USER}, password {@value #DEFAULT_PASSWORD}.
 */
public final class OnDemandSimulator {
  /** The default robot user, as in the seed's curl example. */
  public static final String DEFAULT_USER = "robot_user";
  /** The default password, as in the seed's curl example. A test account, not a secret. */
  public static final String DEFAULT_PASSWORD = "password";
  /**
   * The password the demo story runs with: distinctive, unlike the seed's "password", so that the
   * secret scan can look for it in everything the story logs and prints.
   */
  public static final String DEMO_PASSWORD = "Robot-Demo-Pa55!";
  /** The realm the simulator's challenges name. */
  public static final String REALM = "On-Demand API simulator";

  private OnDemandSimulator() {}

  /** Starts from CLI options: {@code --port}, {@code --user}, {@code --password-env}, {@code --nonce-lifetime}. */
  public static RunningSimulator start(Options options) throws IOException {
    return start(
        options.integer("--port", 0),
        options.get("--user", DEFAULT_USER),
        options.secretFromEnv("--password-env", DEFAULT_PASSWORD).toCharArray(),
        options.duration("--nonce-lifetime", Duration.ofMinutes(5)),
        Clock.systemUTC(),
        SimTls.fromOptions(options));
  }

  /** Starts on loopback {@code port} (0: any free port) accepting one account. */
  public static SimServer start(
      int port, String user, char[] password, Duration nonceLifetime, Clock clock)
      throws IOException {
    return start(port, user, password, nonceLifetime, clock, null);
  }

  /** Like {@link #start(int, String, char[], Duration, Clock)}, over HTTPS if {@code tls} is not null. */
  public static SimServer start(
      int port, String user, char[] password, Duration nonceLifetime, Clock clock, SimTls tls)
      throws IOException {
    SimStats stats = new SimStats("challenges", "stale", "replays", "bad_credentials");
    DigestGate gate = new DigestGate(REALM, user, password, new NonceBook(clock, nonceLifetime));
    return SimServer.start("ondemand", port, tls, stats, exchange -> handle(exchange, gate, stats));
  }

  private static void handle(HttpExchange exchange, DigestGate gate, SimStats stats)
      throws IOException {
    URI uri = exchange.getRequestURI();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    DigestGate.Outcome outcome =
        gate.check(exchange.getRequestMethod(), uri.toString(), authorization);
    switch (outcome) {
      case OK_FRESH_NONCE:
        stats.increment(SimStats.LOGINS);
        route(exchange, uri.getPath());
        return;
      case OK:
        route(exchange, uri.getPath());
        return;
      case MISSING:
        challenge(exchange, gate, stats, "challenges", false);
        return;
      case STALE:
        challenge(exchange, gate, stats, "stale", true);
        return;
      case REPLAY:
        challenge(exchange, gate, stats, "replays", false);
        return;
      default:
        challenge(exchange, gate, stats, "bad_credentials", false);
    }
  }

  private static void challenge(
      HttpExchange exchange, DigestGate gate, SimStats stats, String counter, boolean stale)
      throws IOException {
    stats.increment(SimStats.REJECTED);
    stats.increment(counter);
    exchange.getResponseHeaders().put("WWW-Authenticate", gate.challenges(stale));
    SimServer.send(exchange, 401, "application/xml", OnDemandXml.error("unauthorized"));
  }

  private static void route(HttpExchange exchange, String path) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      SimServer.send(exchange, 405, "application/xml", OnDemandXml.error("method not allowed"));
    } else if ("/".equals(path)) {
      SimServer.send(exchange, 200, "application/xml", OnDemandXml.root());
    } else if ("/products".equals(path) || "/products/".equals(path)) {
      SimServer.send(exchange, 200, "application/xml", OnDemandXml.products());
    } else {
      SimServer.send(exchange, 404, "application/xml", OnDemandXml.error("no such resource"));
    }
  }
}
