package dev.latchkey.samples.httpd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache httpd with {@code mod_auth_digest} (MD5, qop=auth, {@code AuthDigestNonceLifetime})
 * on loopback: the independent digest implementation our On-Demand client must work against.
 * Tests skip when {@code /usr/sbin/apache2} is absent; {@code .ci/run} installs it.
 */
public final class ApacheDigestServer implements AutoCloseable {
  public static final Path APACHE = Path.of("/usr/sbin/apache2");
  private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
  public static final String REALM = "On-Demand API";

  private final Path root;
  private final int port;
  private final Process process;

  private ApacheDigestServer(Path root, int port, Process process) {
    this.root = root;
    this.port = port;
    this.process = process;
  }

  public static boolean available() {
    return Files.isExecutable(APACHE) && Files.exists(MODULES.resolve("mod_auth_digest.so"));
  }

  /** Starts httpd serving {@code /api/products} (XML) to {@code user}/{@code password}. */
  public static ApacheDigestServer start(String user, String password, Duration nonceLifetime)
      throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("latchkey-httpd");
    Files.createDirectories(root.resolve("htdocs/api"));
    Files.createDirectories(root.resolve("logs"));
    Files.writeString(
        root.resolve("htdocs/api/products"),
        "<?xml version=\"1.0\"?><products><product><id>1</id><name>Film</name></product></products>\n");
    Files.writeString(
        root.resolve("digest.pw"),
        user + ":" + REALM + ":" + md5(user + ":" + REALM + ":" + password) + "\n");
    int port = freePort();
    Files.writeString(root.resolve("httpd.conf"), config(root, port, nonceLifetime));
    Process process = new ProcessBuilder(
            APACHE.toString(), "-f", root.resolve("httpd.conf").toString(), "-DFOREGROUND")
        .redirectErrorStream(true)
        .redirectOutput(root.resolve("logs/console.log").toFile())
        .start();
    ApacheDigestServer server = new ApacheDigestServer(root, port, process);
    server.awaitListening();
    return server;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/api/";
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "httpd exited: " + Files.readString(root.resolve("logs/console.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IOException("httpd did not listen on port " + port + " within 15 s");
  }

  private static String config(Path root, int port, Duration nonceLifetime) {
    String modules = MODULES.toString();
    return String.join(
        "\n",
        "ServerName 127.0.0.1",
        "ServerRoot " + root,
        "Listen 127.0.0.1:" + port,
        "PidFile " + root.resolve("httpd.pid"),
        "ErrorLog " + root.resolve("logs/error.log"),
        "LoadModule mpm_event_module " + modules + "/mod_mpm_event.so",
        "LoadModule authz_core_module " + modules + "/mod_authz_core.so",
        "LoadModule authn_core_module " + modules + "/mod_authn_core.so",
        "LoadModule authn_file_module " + modules + "/mod_authn_file.so",
        "LoadModule authz_user_module " + modules + "/mod_authz_user.so",
        "LoadModule auth_digest_module " + modules + "/mod_auth_digest.so",
        "LoadModule mime_module " + modules + "/mod_mime.so",
        "TypesConfig /etc/mime.types",
        "KeepAlive On",
        "MaxKeepAliveRequests 0",
        "DocumentRoot " + root.resolve("htdocs"),
        "<Location /api/>",
        "  AuthType Digest",
        "  AuthName \"" + REALM + "\"",
        "  AuthDigestDomain /api/",
        "  AuthDigestProvider file",
        "  AuthUserFile " + root.resolve("digest.pw"),
        "  AuthDigestNonceLifetime " + nonceLifetime.toSeconds(),
        "  Require valid-user",
        "</Location>",
        "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String md5(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
