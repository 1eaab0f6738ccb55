package dev.latchkey.samples.xandr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.sim.SimServer;
import dev.latchkey.samples.sim.SimStats;
import dev.latchkey.samples.sim.SimTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;

/**
 * A loopback stand-in for the Xandr auth service and two read services, close enough to the seeds
 * that their own curl commands work against it. Routes: {@code POST /auth}, {@code POST
 * /v2/auth/jwt}, {@code POST /public-key?user_id=ID}, {@code GET /member}, {@code GET
 * /user?current}, {@code GET /__sim/stats}. Answers are JSON labelled {@code text/html}, as the real
 * service does. Time comes from the given clock, so tests drive hours in milliseconds.
 */
public final class XandrSimulator implements RunningSimulator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;
  private static final String NOAUTH =
      "{\"response\":{\"error_id\":\"NOAUTH\",\"error\":\"Authentication failed - not logged in\"}}";

  private final XandrSimulatorConfig config;
  private final SimSessions sessions;
  private final SimJwtKeys keys;
  private final SimStats stats = new SimStats();
  private final SimServer server;
  private final Clock clock;

  private XandrSimulator(XandrSimulatorConfig config, Clock clock, SimTls tls) throws IOException {
    this.config = config;
    this.clock = clock;
    this.sessions = new SimSessions(config, clock);
    this.keys = new SimJwtKeys(config.user(), clock);
    // Last: the server answers as soon as it starts.
    this.server = SimServer.start("xandr", config.port(), tls, stats, this::handle);
  }

  /** Starts a simulator on 127.0.0.1 ({@code port} 0 picks a free port). */
  public static XandrSimulator start(XandrSimulatorConfig config, Clock clock) throws IOException {
    return start(config, clock, null);
  }

  /** Like {@link #start(XandrSimulatorConfig, Clock)}, over HTTPS if {@code tls} is not null. */
  public static XandrSimulator start(XandrSimulatorConfig config, Clock clock, SimTls tls)
      throws IOException {
    return new XandrSimulator(config, clock, tls);
  }

  @Override
  public SimTls tls() {
    return server.tls();
  }

  @Override
  public URI url() {
    return server.url();
  }

  /** Successful logins so far (password and JWT). */
  public long logins() {
    return stats.get(SimStats.LOGINS);
  }

  /** Requests answered NOAUTH (missing or dead token, wrong password, bad JWT). */
  public long rejected() {
    return stats.get(SimStats.REJECTED);
  }

  /** Requests served, stats excluded. */
  public long requests() {
    return stats.get(SimStats.REQUESTS);
  }

  /** Logins refused for the login limit. */
  public long loginThrottled() {
    return stats.get(SimStats.LOGIN_THROTTLED);
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (RuntimeException e) {
      // A simulator bug answers Xandr's own error shape; SimServer closes the exchange.
      send(
          exchange,
          500,
          "{\"response\":{\"error_id\":\"SYSTEM\",\"error\":\"simulator error\"}}",
          null);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      switch (method + " " + path) {
        case "POST /auth" -> passwordLogin(exchange);
        case "POST /v2/auth/jwt" -> jwtLogin(exchange);
        case "POST /public-key" -> registerKey(exchange);
        case "GET /member" ->
          authenticated(
              exchange,
              "{\"response\":{\"status\":\"OK\",\"members\":[{\"id\":\"1\","
                  + "\"name\":\"Car company c\\/o Ad Agency\",\"active\":\"1\",\"bidder_id\":\"2\"}]}}");
        case "GET /user" ->
          authenticated(
              exchange,
              "{\"response\":{\"status\":\"OK\",\"user\":{\"id\":"
                  + config.userId() + ",\"username\":" + JSON.writeValueAsString(config.user())
                  // An ISO-8601 instant (the real service's dates are "YYYY-MM-DD HH:MM:SS"): the
                  // samples' java.time fields read it with the runtime's default mapper.
                  + ",\"last_login_on\":\"" + clock.instant() + "\"}}}");
        default ->
          send(
              exchange,
              404,
              "{\"response\":{\"error_id\":\"NOT_FOUND\",\"error\":\"no such service\"}}",
              null);
      }
    }
  }

  private void passwordLogin(HttpExchange exchange) throws IOException {
    JsonNode body = readJson(exchange);
    boolean match = body != null
        && config.user().equals(body.at("/auth/username").asText(null))
        && config.password().equals(body.at("/auth/password").asText(null));
    if (!match) {
      stats.increment(SimStats.REJECTED);
      send(
          exchange,
          401,
          "{\"response\":{\"error_id\":\"NOAUTH\",\"error\":\"No match found for user\\/pass\"}}",
          null);
      return;
    }
    issue(exchange, "");
  }

  private void jwtLogin(HttpExchange exchange) throws IOException {
    String jwt = new String(readBody(exchange), StandardCharsets.US_ASCII);
    if (!keys.verify(jwt)) {
      stats.increment(SimStats.REJECTED);
      send(
          exchange,
          401,
          "{\"response\":{\"error_id\":\"NOAUTH\",\"error\":\"JWT not accepted\"}}",
          null);
      return;
    }
    issue(exchange, "authn:");
  }

  private void issue(HttpExchange exchange, String prefix) throws IOException {
    long nextAllowed = sessions.admitLogin();
    if (nextAllowed >= 0) {
      stats.increment(SimStats.LOGIN_THROTTLED);
      long seconds = Math.max(1, (nextAllowed - sessions.now() + 999) / 1000);
      exchange.getResponseHeaders().add("Retry-After", Long.toString(seconds));
      send(
          exchange,
          429,
          "{\"response\":{\"error_id\":\"SYSTEM\",\"error_code\":\"RATE_EXCEEDED\","
              + "\"error\":\"too many logins\"}}",
          null);
      return;
    }
    String token = sessions.issue(prefix);
    stats.increment(SimStats.LOGINS);
    exchange.getResponseHeaders().add("Set-Cookie", "IBAPI_SESSID=" + token + "; path=/");
    send(
        exchange,
        200,
        "{\"response\":{\"status\":\"OK\",\"token\":\"" + token + "\",\"dbg_info\":{}}}",
        null);
  }

  private void registerKey(HttpExchange exchange) throws IOException {
    if (!sessions.use(token(exchange))) {
      reject(exchange);
      return;
    }
    JsonNode body = readJson(exchange);
    JsonNode key = body == null ? null : body.get("public-key");
    String query = exchange.getRequestURI().getQuery();
    if (key == null
        || query == null
        || !query.equals("user_id=" + config.userId())
        || key.path("user_id").asLong() != config.userId()) {
      send(
          exchange,
          400,
          "{\"response\":{\"error_id\":\"SYNTAX\",\"error\":\"need user_id and a public-key object\"}}",
          null);
      return;
    }
    try {
      keys.register(key.path("name").asText(), key.path("encoded_value").asText());
    } catch (GeneralSecurityException e) {
      send(
          exchange,
          400,
          "{\"response\":{\"error_id\":\"SYNTAX\",\"error\":\"encoded_value is not an RSA public key\"}}",
          null);
      return;
    }
    send(
        exchange,
        200,
        "{\"response\":{\"status\":\"OK\",\"public-key\":{\"name\":"
            + JSON.writeValueAsString(key.path("name").asText()) + ",\"active\":true}}}",
        null);
  }

  private void authenticated(HttpExchange exchange, String body) throws IOException {
    if (sessions.use(token(exchange))) {
      send(exchange, 200, body, null);
    } else {
      reject(exchange);
    }
  }

  private void reject(HttpExchange exchange) throws IOException {
    stats.increment(SimStats.REJECTED);
    send(exchange, 401, NOAUTH, null);
  }

  /** The token from {@code Authorization: TOKEN} or the {@code IBAPI_SESSID} cookie. */
  private static String token(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    for (String cookies :
        exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String part : cookies.split(";")) {
        String[] pair = part.trim().split("=", 2);
        if (pair.length == 2 && pair[0].equals("IBAPI_SESSID")) {
          return pair[1];
        }
      }
    }
    return null;
  }

  private static JsonNode readJson(HttpExchange exchange) throws IOException {
    try {
      return JSON.readTree(readBody(exchange));
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readNBytes(MAX_BODY);
    }
  }

  /** Xandr labels its JSON {@code text/html}; the simulator does too, except for its own stats. */
  private static void send(HttpExchange exchange, int status, String body, String contentType)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set("Content-Type", contentType == null ? "text/html" : contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
