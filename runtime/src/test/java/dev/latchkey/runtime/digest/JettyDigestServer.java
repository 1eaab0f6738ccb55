package dev.latchkey.runtime.digest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * An independent peer: Jetty 12's own {@code DigestAuthenticator} on 127.0.0.1, protecting every
 * path for user {@code robot}. Counts exchanges server-side and keeps the Authorization values.
 */
final class JettyDigestServer implements AutoCloseable {
  static final String REALM = "OnDemand";

  final AtomicInteger exchanges = new AtomicInteger();
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  final List<String> challenges = new CopyOnWriteArrayList<>();
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  JettyDigestServer(
      String algorithm,
      String password,
      long maxNonceAgeMillis,
      int maxNonceCount,
      boolean recordAuthorizations)
      throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    UserStore users = new UserStore();
    users.addUser("robot", Credential.getCredential(password), new String[] {"user"});
    HashLoginService login = new HashLoginService(REALM);
    login.setUserStore(users);

    DigestAuthenticator authenticator = new DigestAuthenticator();
    authenticator.setAlgorithm(algorithm);
    authenticator.setMaxNonceAge(maxNonceAgeMillis);
    authenticator.setMaxNonceCount(maxNonceCount);

    SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
    security.setLoginService(login);
    security.setAuthenticator(authenticator);
    security.put("/*", Constraint.ANY_USER);
    security.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        Content.Sink.write(response, true, "secret of " + request.getHttpURI().getPath(), callback);
        return true;
      }
    });
    server.setHandler(new Handler.Wrapper(security) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        exchanges.incrementAndGet();
        String authorization = request.getHeaders().get("Authorization");
        if (recordAuthorizations && authorization != null) {
          authorizations.add(authorization);
        }
        boolean handled = super.handle(request, response, callback);
        String challenge = response.getHeaders().get("WWW-Authenticate");
        if (challenge != null) {
          challenges.add(challenge);
        }
        return handled;
      }
    });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + connector.getLocalPort() + "/";
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
