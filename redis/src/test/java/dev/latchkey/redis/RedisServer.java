package dev.latchkey.redis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests, on a free loopback port, without persistence, so a test
 * can stop it and start it again (empty, as after a crash) on the same port. Without the binary the
 * test is skipped, except when the environment variable {@code CI} is {@code true}: CI must not
 * skip silently ({@code .ci/run} installs the package {@code redis-server}).
 */
public final class RedisServer implements AutoCloseable {
  private static final List<String> BINARIES =
      List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");
  private static final long START_GUARD_MILLIS = 10_000;

  private final String binary;
  private final int port;
  private Process process;

  private RedisServer(String binary, int port) {
    this.binary = binary;
    this.port = port;
  }

  /**
   * Starts a server on a free port, or skips the test if there is no redis-server (fails on CI).
   */
  public static RedisServer start() throws IOException {
    String binary = BINARIES.stream()
        .filter(b -> Files.isExecutable(Path.of(b)))
        .findFirst()
        .orElse(null);
    if (binary == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("redis-server is not installed, and CI must not skip the fleet tests; install the"
            + " redis-server package");
      }
      assumeTrue(
          false,
          "redis-server is not installed; install the redis-server package to run this test");
    }
    RedisServer server = new RedisServer(binary, freePort());
    server.startAgain();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:PORT}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server (again) on the same port and waits until it answers PING. */
  public void startAgain() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    process = new ProcessBuilder(
            binary,
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "yes",
            "--loglevel",
            "warning")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_GUARD_MILLIS);
    while (!ping(port)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        stop();
        throw new IOException("redis-server did not answer on port " + port);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** Kills the server (SIGKILL, like a crash) and waits for it to be gone. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True if something on 127.0.0.1:{@code port} answers {@code PING} with {@code +PONG}. */
  public static boolean ping(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(7);
      return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs one command with redis-cli-free RESP (inline), returning the raw first line. */
  public String command(String... words) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(2000);
      StringBuilder resp = new StringBuilder("*" + words.length + "\r\n");
      for (String w : words) {
        resp.append('$')
            .append(w.getBytes(StandardCharsets.UTF_8).length)
            .append("\r\n")
            .append(w)
            .append("\r\n");
      }
      socket.getOutputStream().write(resp.toString().getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
