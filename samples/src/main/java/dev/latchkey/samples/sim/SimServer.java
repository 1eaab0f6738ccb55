package dev.latchkey.samples.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.samples.cli.RunningSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator's HTTP server: the JDK's {@code HttpServer} on 127.0.0.1, a bounded pool of daemon
 * threads, {@code GET /__sim/stats}, and a count of every API request before it reaches the
 * simulator's handler. A handler that throws answers 500 instead of dropping the connection.
 */
public final class SimServer implements RunningSimulator {
  private static final int THREADS = 32;

  private final HttpServer server;
  private final ExecutorService pool;
  private final SimStats stats;
  private final URI url;
  private final SimTls tls;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SimServer(HttpServer server, ExecutorService pool, SimStats stats, SimTls tls) {
    this.tls = tls;
    this.server = server;
    this.pool = pool;
    this.stats = stats;
    this.url = URI.create(SimTls.baseUrl(server));
  }

  /**
   * Starts serving {@code api} on loopback {@code port} (0 picks a free one). {@code name} names the
   * threads.
   */
  public static SimServer start(String name, int port, SimStats stats, HttpHandler api)
      throws IOException {
    return start(name, port, null, stats, api);
  }

  /** Like {@link #start(String, int, SimStats, HttpHandler)}, over HTTPS when {@code tls} is not null. */
  public static SimServer start(String name, int port, SimTls tls, SimStats stats, HttpHandler api)
      throws IOException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
    HttpServer server = SimTls.create(port, tls);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "sim-" + name + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(pool);
    server.createContext(
        "/__sim/stats", exchange -> guarded(exchange, () -> statsRoute(exchange, stats)));
    server.createContext(
        "/",
        exchange -> guarded(exchange, () -> {
          stats.increment(SimStats.REQUESTS);
          api.handle(exchange);
        }));
    server.start();
    return new SimServer(server, pool, stats, tls);
  }

  private static void statsRoute(HttpExchange exchange, SimStats stats) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      send(exchange, 405, "text/plain", "GET only\n");
      return;
    }
    send(exchange, 200, "application/json", stats.toJson());
  }

  private interface Body {
    void run() throws IOException;
  }

  private static void guarded(HttpExchange exchange, Body body) throws IOException {
    try (exchange) {
      try {
        body.run();
      } catch (RuntimeException e) {
        send(exchange, 500, "text/plain", "simulator error: " + e + "\n");
      }
    }
  }

  /** Answers {@code status} with {@code body} as {@code contentType} (UTF-8). */
  public static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    drain(exchange.getRequestBody());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=UTF-8");
    // A HEAD answer has no body (RFC 9110 section 9.3.2); `pins` probes servers with HEAD.
    boolean noBody = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The request body as UTF-8 text. */
  public static String body(HttpExchange exchange) throws IOException {
    // Not closed here: send() drains the same stream, and the exchange closes it.
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void drain(InputStream in) throws IOException {
    // Unread request bytes would stop the JDK server from reusing the connection.
    in.readAllBytes();
  }

  /** The counters this server reports. */
  public SimStats stats() {
    return stats;
  }

  @Override
  public SimTls tls() {
    return tls;
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return; // a shutdown hook and the command may both close it
    }
    server.stop(0);
    pool.shutdownNow();
  }
}
