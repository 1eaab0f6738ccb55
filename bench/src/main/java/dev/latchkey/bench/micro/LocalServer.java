package dev.latchkey.bench.micro;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback server of the per-request benchmarks. It checks nothing, so that every variant
 * costs the server the same and the differences are the client's: {@code /digest} answers a
 * fixed challenge to a request without {@code Authorization}; {@code /auth} returns a token as
 * Xandr does; anything else is a small JSON 200.
 */
final class LocalServer implements AutoCloseable {
  static final String CHALLENGE = "Digest realm=\"OnDemand\", qop=\"auth\", algorithm=MD5, "
      + "nonce=\"MTcwMDAwMDAwMDAwMDpkZWFkYmVlZmRlYWRiZWVmZGVhZGJlZWY=\", opaque=\"5ccc069c4\"";
  static final byte[] OK = "{\"response\":{\"status\":\"OK\"}}".getBytes(StandardCharsets.UTF_8);
  static final byte[] TOKEN = "{\"response\":{\"status\":\"OK\",\"token\":\"bench-token-0001\"}}"
      .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  LocalServer() throws IOException {
    // Without TCP_NODELAY the JDK server's small answers wait out the client's delayed ACK
    // (40 ms per call on Linux): read before the first server is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      String path = exchange.getRequestURI().getPath();
      boolean signed = exchange.getRequestHeaders().containsKey("Authorization");
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (path.startsWith("/digest") && !signed) {
        exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      byte[] answer = path.equals("/auth") ? TOKEN : OK;
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
