package dev.latchkey.samples.mediasilo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.sim.SimTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for MediaSilo API v3 (seed 002), on the JDK's HTTP server.
 *
 * <p>Every request under {@code /v3/} must carry {@code MediaSiloHostContext} and the API key (as
 * {@code MediaSiloApiKey}, or {@code ApplicationKey} as in the seed's PHP sample), plus either
 * {@code Authorization: Basic} or {@code MediaSiloSessionKey}. No credential at all answers 401;
 * a wrong one 403 ("Authentication failed", as the seed says), with a JSON {@code message} naming
 * what was wrong, never its value. Sessions ({@code POST /v3/session}, {@code DELETE
 * /v3/session/{id}}) expire after the idle lifetime without a call, by the injected clock.
 * {@code GET /__sim/stats} reports requests, rejected, logins and login_throttled.
 */
public final class MediaSiloSimulator implements RunningSimulator {
  static final String HOST_CONTEXT = "MediaSiloHostContext";
  static final String API_KEY = "MediaSiloApiKey";
  static final String APPLICATION_KEY = "ApplicationKey";
  static final String SESSION_KEY = "MediaSiloSessionKey";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimulatorAccount account;
  private final Clock clock;
  private final HttpServer server;
  private final SimTls tls;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>(); // id -> last use
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong logins = new AtomicLong();
  private final AtomicLong sessionsEnded = new AtomicLong();

  private MediaSiloSimulator(SimulatorAccount account, Clock clock, int port, SimTls tls)
      throws IOException {
    this.account = account;
    this.clock = clock;
    this.tls = tls;
    this.server = SimTls.create(port, tls);
    server.createContext("/v3/", this::handle);
    server.createContext("/__sim/stats", this::stats);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts on 127.0.0.1 ({@code port} 0 picks a free one). */
  public static MediaSiloSimulator start(SimulatorAccount account, Clock clock, int port)
      throws IOException {
    return start(account, clock, port, null);
  }

  /** Like {@link #start(SimulatorAccount, Clock, int)}, over HTTPS if {@code tls} is not null. */
  public static MediaSiloSimulator start(
      SimulatorAccount account, Clock clock, int port, SimTls tls) throws IOException {
    return new MediaSiloSimulator(account, clock, port, tls);
  }

  @Override
  public SimTls tls() {
    return tls;
  }

  @Override
  public URI url() {
    return URI.create(SimTls.baseUrl(server));
  }

  /** The API's base URL, {@code http://127.0.0.1:P/v3/}. */
  public String baseUrl() {
    return url() + "v3/";
  }

  /** Sessions created so far. */
  public long logins() {
    return logins.get();
  }

  /** 401 and 403 answers so far. */
  public long rejected() {
    return rejected.get();
  }

  /** Sessions ended with {@code DELETE}. */
  public long sessionsEnded() {
    return sessionsEnded.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
      String method = exchange.getRequestMethod();
      Headers headers = exchange.getRequestHeaders();
      String problem = staticHeaderProblem(headers);
      if (method.equals("POST") && path.equals("/v3/session")) {
        if (problem != null) {
          reject(exchange, 403, problem);
        } else {
          createSession(exchange);
        }
        return;
      }
      if (headers.getFirst("Authorization") == null && headers.getFirst(SESSION_KEY) == null) {
        reject(exchange, 401, "Not authenticated: send Authorization: Basic or " + SESSION_KEY);
        return;
      }
      if (problem == null) {
        problem = credentialProblem(headers);
      }
      if (problem != null) {
        reject(exchange, 403, problem);
        return;
      }
      route(exchange, method, path, headers);
    }
  }

  private void route(HttpExchange exchange, String method, String path, Headers headers)
      throws IOException {
    if (method.equals("DELETE") && path.startsWith("/v3/session/")) {
      boolean ended = sessions.remove(path.substring("/v3/session/".length())) != null;
      if (ended) {
        sessionsEnded.incrementAndGet();
      }
      send(exchange, ended ? 200 : 404, ended ? "{}" : "{\"message\":\"no such session\"}");
    } else if (method.equals("GET") && path.equals("/v3/me")) {
      send(
          exchange,
          200,
          JSON.writeValueAsString(new Me(
              "u-1", account.user(), account.user() + "@example.com", account.hostContext())));
    } else if (method.equals("GET") && path.equals("/v3/projects")) {
      send(
          exchange,
          200,
          "[{\"id\":\"p-1\",\"name\":\"Launch trailer\",\"description\":\"Cuts for review\"},"
              + "{\"id\":\"p-2\",\"name\":\"Dailies\",\"description\":\"Day 12\",\"folderCount\":4}]");
    } else {
      send(exchange, 404, "{\"message\":\"no route " + method + " " + path + "\"}");
    }
  }

  /** Null when account and API key are right, else what is wrong (never a value). */
  private String staticHeaderProblem(Headers headers) {
    String context = headers.getFirst(HOST_CONTEXT);
    if (context == null) {
      return HOST_CONTEXT + " header missing";
    }
    if (!context.equals(account.hostContext())) {
      return "unknown account in " + HOST_CONTEXT;
    }
    String key = headers.getFirst(API_KEY) != null
        ? headers.getFirst(API_KEY)
        : headers.getFirst(APPLICATION_KEY);
    if (key == null) {
      return API_KEY + " header missing";
    }
    return key.equals(account.apiKey())
        ? null
        : "Authentication failed: " + API_KEY + " not valid for this account";
  }

  private String credentialProblem(Headers headers) {
    String sessionKey = headers.getFirst(SESSION_KEY);
    if (sessionKey != null) {
      Instant now = clock.instant();
      Instant lastUse = sessions.get(sessionKey);
      if (lastUse == null) {
        return "Authentication failed: unknown session";
      }
      if (!now.isBefore(lastUse.plus(account.sessionIdle()))) {
        sessions.remove(sessionKey);
        return "Authentication failed: session expired after " + account.sessionIdle()
            + " without a call";
      }
      sessions.put(sessionKey, now);
      return null;
    }
    return basicMatches(headers.getFirst("Authorization")) ? null : "Authentication failed";
  }

  private boolean basicMatches(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded = new String(
          Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      return decoded.equals(account.user() + ":" + account.password());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private void createSession(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = JSON.readTree(in);
    } catch (IOException e) {
      reject(exchange, 400, "body is not JSON");
      return;
    }
    String accountName = body == null ? null : body.path("accountName").asText(null);
    if (body == null
        || !account.user().equals(body.path("userName").asText())
        || !account.password().equals(body.path("password").asText())
        || (accountName != null && !accountName.equals(account.hostContext()))) {
      reject(exchange, 403, "Authentication failed: user name, password or accountName");
      return;
    }
    String id = UUID.randomUUID().toString().replace("-", "");
    sessions.put(id, clock.instant());
    logins.incrementAndGet();
    send(exchange, 200, "{\"id\":\"" + id + "\",\"userName\":\"" + account.user() + "\"}");
  }

  private void stats(HttpExchange exchange) throws IOException {
    try (exchange) {
      send(
          exchange,
          200,
          "{\"requests\":" + requests.get() + ",\"rejected\":" + rejected.get() + ",\"logins\":"
              + logins.get() + ",\"login_throttled\":0,\"sessions_ended\":" + sessionsEnded.get()
              + ",\"sessions_live\":" + sessions.size() + "}");
    }
  }

  private void reject(HttpExchange exchange, int code, String message) throws IOException {
    if (code == 401 || code == 403) {
      rejected.incrementAndGet();
    }
    send(exchange, code, JSON.writeValueAsString(Map.of("message", message)));
  }

  private static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public String toString() {
    return "MediaSiloSimulator{url=" + url() + ", account=" + account + "}";
  }
}
