package dev.latchkey.bench.digest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Apache httpd with {@code mod_auth_digest} (MD5, qop=auth, {@code AuthDigestNonceLifetime}),
 * started from a throw-away configuration on 127.0.0.1 and stopped by {@link #close()}. The
 * access log holds one status per line, which is how exchanges and 401s are counted.
 */
public final class HttpdPeer implements DigestPeer {
  static final Path BINARY = Path.of("/usr/sbin/apache2");
  static final Path MODULES = Path.of("/usr/lib/apache2/modules");
  static final String REALM = "ondemand";
  private static final List<String> MODULE_NAMES =
      List.of("mpm_event", "authn_core", "authn_file", "authz_core", "authz_user", "auth_digest");

  private final Path dir;
  private final Process process;
  private final int port;

  /** True where the binary and {@code mod_auth_digest} are installed. */
  public static boolean available() {
    return Files.isExecutable(BINARY) && Files.exists(MODULES.resolve("mod_auth_digest.so"));
  }

  public HttpdPeer(String user, String password, int nonceLifetimeSeconds) throws Exception {
    dir = Files.createTempDirectory("latchkey-bench-httpd");
    // httpd started as root serves as 'nobody', who must be able to read these files.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path docs = Files.createDirectory(dir.resolve("htdocs"));
    Files.writeString(docs.resolve("secret"), "apache secret\n");
    String ha1 = HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5")
            .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.ISO_8859_1)));
    Files.writeString(dir.resolve("digest"), user + ":" + REALM + ":" + ha1 + "\n");
    port = freePort();
    Files.writeString(dir.resolve("httpd.conf"), config(nonceLifetimeSeconds));
    process = new ProcessBuilder(
            BINARY.toString(), "-f", dir.resolve("httpd.conf").toString(), "-DFOREGROUND")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.log").toFile())
        .start();
    awaitListening();
  }

  private String config(int nonceLifetimeSeconds) {
    StringBuilder conf = new StringBuilder()
        .append("ServerRoot \"")
        .append(dir)
        .append("\"\n")
        .append("ServerName 127.0.0.1\n")
        .append("Listen 127.0.0.1:")
        .append(port)
        .append('\n')
        .append("PidFile \"")
        .append(dir.resolve("httpd.pid"))
        .append("\"\n")
        .append("ErrorLog \"")
        .append(dir.resolve("error.log"))
        .append("\"\n");
    for (String module : MODULE_NAMES) {
      conf.append("LoadModule ")
          .append(module)
          .append("_module \"")
          .append(MODULES.resolve("mod_" + module + ".so"))
          .append("\"\n");
    }
    // Debian builds mod_log_config in; elsewhere it is a module like the others.
    conf.append("<IfModule !log_config_module>\n  LoadModule log_config_module \"")
        .append(MODULES.resolve("mod_log_config.so"))
        .append("\"\n</IfModule>\n");
    return conf.append("User nobody\nGroup nogroup\n")
        // Keep-alive connections are not cut every 100 requests: that would measure TCP set-up.
        .append("KeepAlive On\nMaxKeepAliveRequests 0\n")
        .append("LogFormat \"%s\" status\n")
        .append("CustomLog \"")
        .append(dir.resolve("access.log"))
        .append("\" status\n")
        .append("DocumentRoot \"")
        .append(dir.resolve("htdocs"))
        .append("\"\n")
        .append("<Location />\n  AuthType Digest\n  AuthName \"")
        .append(REALM)
        .append("\"\n")
        .append("  AuthDigestProvider file\n  AuthUserFile \"")
        .append(dir.resolve("digest"))
        .append("\"\n  AuthDigestNonceLifetime ")
        .append(nonceLifetimeSeconds)
        .append("\n  Require valid-user\n</Location>\n")
        .toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening() throws Exception {
    for (int i = 0; i < 100; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "apache2 exited: " + Files.readString(dir.resolve("out.log")));
      }
      try (Socket ignored = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("apache2 did not listen on " + port + " within 5 s");
  }

  @Override
  public String url() {
    return "http://127.0.0.1:" + port + "/secret";
  }

  @Override
  public Counts.Snapshot served() throws IOException {
    Path log = dir.resolve("access.log");
    if (!Files.exists(log)) {
      return new Counts.Snapshot(0, 0);
    }
    long exchanges = 0;
    long challenges = 0;
    try (Stream<String> lines = Files.lines(log, StandardCharsets.US_ASCII)) {
      for (String line : (Iterable<String>) lines::iterator) {
        exchanges++;
        challenges += line.trim().equals("401") ? 1 : 0;
      }
    }
    return new Counts.Snapshot(exchanges, challenges);
  }

  @Override
  public String name() {
    return "httpd";
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: httpd stops its children
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
