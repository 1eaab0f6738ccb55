package dev.latchkey.bench.digest;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.DigestAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.security.Credential;

/**
 * Jetty 12's own {@code DigestAuthenticator} on 127.0.0.1 (MD5, the algorithm every client
 * here speaks), protecting {@code /secret}. The request log counts every exchange and 401 after
 * it completed, so the figures are the server's, not a client's.
 */
final class JettyPeer implements DigestPeer {
  static final String REALM = "OnDemand";
  /**
   * Jetty refuses a nonce used more than maxNonceCount times (default 1024): far above what a run
   * makes, so that the nonce lifetime, and not the count limit, is what renews nonces.
   */
  static final int MAX_NONCE_COUNT = 1 << 21;

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final Counts counts = new Counts();

  JettyPeer(String user, String password, long maxNonceAgeMillis) throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    UserStore users = new UserStore();
    users.addUser(user, Credential.getCredential(password), new String[] {"user"});
    HashLoginService login = new HashLoginService(REALM);
    login.setUserStore(users);

    DigestAuthenticator authenticator = new DigestAuthenticator();
    authenticator.setAlgorithm("MD5");
    authenticator.setMaxNonceAge(maxNonceAgeMillis);
    authenticator.setMaxNonceCount(MAX_NONCE_COUNT);

    SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
    security.setLoginService(login);
    security.setAuthenticator(authenticator);
    security.put("/*", Constraint.ANY_USER);
    // The same server without auth, for the HTTP stacks' own ceiling.
    security.put("/open/*", Constraint.ALLOWED);
    security.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        Content.Sink.write(response, true, "jetty secret\n", callback);
        return true;
      }
    });
    server.setHandler(security);
    server.setRequestLog((request, response) -> counts.record(response.getStatus()));
    server.start();
  }

  @Override
  public String url() {
    return "http://127.0.0.1:" + connector.getLocalPort() + "/secret";
  }

  /** A resource of the same server that needs no authentication. */
  String openUrl() {
    return "http://127.0.0.1:" + connector.getLocalPort() + "/open/resource";
  }

  @Override
  public Counts.Snapshot served() {
    return counts.snapshot();
  }

  @Override
  public String name() {
    return "Jetty";
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
