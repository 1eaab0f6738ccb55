package dev.latchkey.runtime.digest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A second independent peer: Apache httpd with {@code mod_auth_digest} (MD5, qop=auth, sends
 * {@code rspauth} and {@code nextnonce}), started from a throw-away configuration on 127.0.0.1 and
 * stopped by {@link #close()}. Only where {@code /usr/sbin/apache2} and its modules exist.
 */
final class ApacheHttpd implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/apache2");
  static final Path MODULES = Path.of("/usr/lib/apache2/modules");
  static final String REALM = "ondemand";

  private final Path dir;
  private final Process process;
  private final int port;

  static boolean available() {
    return Files.isExecutable(BINARY) && Files.exists(MODULES.resolve("mod_auth_digest.so"));
  }

  ApacheHttpd(String user, String password, int nonceLifetimeSeconds) throws Exception {
    dir = Files.createTempDirectory("latchkey-httpd");
    // httpd started as root serves as 'nobody', who must be able to read these files.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path docs = Files.createDirectory(dir.resolve("htdocs"));
    Files.writeString(docs.resolve("secret"), "apache secret\n");
    String ha1 = HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("MD5")
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
    StringBuilder conf = new StringBuilder();
    conf.append("ServerRoot \"")
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
    for (String module : new String[] {
      "mpm_event", "authn_core", "authn_file", "authz_core", "authz_user", "auth_digest"
    }) {
      conf.append("LoadModule ")
          .append(module)
          .append("_module \"")
          .append(MODULES.resolve("mod_" + module + ".so"))
          .append("\"\n");
    }
    return conf.append("User nobody\nGroup nogroup\n")
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

  String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: httpd stops its children
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
