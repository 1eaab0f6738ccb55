package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.http.Origin;
import dev.latchkey.runtime.http.ServerText;
import java.io.IOException;
import java.time.Instant;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Proxy digest for HTTPS targets: the {@code CONNECT} that opens the TLS tunnel is the only request
 * the proxy sees, and OkHttp hands it to the proxy authenticator, not to interceptors. Shares the
 * proxy's nonce with {@link DigestInterceptor}. Pre-emptive when a nonce is cached (OkHttp's
 * documented {@code OkHttp-Preemptive} call); a refused signed {@code CONNECT} is retried once with
 * the fresh challenge, and a second refusal is a wrong password.
 */
final class DigestTunnelAuthenticator implements Authenticator {
  private static final String PREEMPTIVE = "OkHttp-Preemptive";

  private final DigestConfig config;
  private final AuthContext context;
  private final NonceCache cache;
  private final DigestSigner signer;
  private final ChallengeChooser chooser;

  DigestTunnelAuthenticator(
      DigestConfig config, AuthContext context, NonceCache cache, DigestSigner signer) {
    this.config = config;
    this.context = context;
    this.cache = cache;
    this.signer = signer;
    this.chooser = new ChallengeChooser(
        config.algorithms(), config.realm(), DigestHeaders.PROXY.challenge(), context.redactor());
  }

  @Override
  public Request authenticate(Route route, Response response) throws IOException {
    Request connect = response.request();
    if (!"CONNECT".equals(connect.method())) {
      return null; // plain-HTTP proxying is signed by the interceptors
    }
    OriginEntry entry = cache.entry(Origin.PROXY);
    NonceState state;
    boolean preemptive = PREEMPTIVE.equals(response.header(DigestHeaders.PROXY.challenge()));
    if (preemptive) {
      state = entry.usable(config.realm(), now());
      if (state == null) {
        return null;
      }
      context.emit(AuthEvent.Type.NONCE_REUSED, "proxy", "CONNECT");
    } else {
      if (connect.header(DigestHeaders.PROXY.authorization()) != null) {
        context.emit(AuthEvent.Type.REJECTED, "proxy", "HTTP 407 for a signed CONNECT");
        // OkHttp does not chain tunnel responses (priorResponse stays null) and would try up to
        // 21 times; our tag on the CONNECT we signed with a fresh nonce bounds it at one retry.
        if (connect.tag(FreshNonce.class) != null) {
          throw new AuthenticationFailedException("the proxy refused the credentials of user '"
              + config.credentials().get().user() + "' with a fresh nonce; not retrying");
        }
      }
      ChallengeChooser.Choice choice = chooser.choose(response);
      context.emit(
          AuthEvent.Type.CHALLENGE,
          "proxy",
          ServerText.quote(choice.challenge().describe(), context.redactor()));
      state = entry.store(
          choice.challenge(),
          choice.algorithm(),
          now(),
          config.nonceLifetime(),
          NonceState.roundTrip(response));
    }
    HttpUrl target = connect.url();
    // CONNECT's request-target is authority-form (RFC 7230 section 5.3.3): host:port.
    SignedRequest signed = signer.sign(
        state,
        "CONNECT",
        target.host() + ":" + target.port(),
        signer.chooseQop(state.challenge(), null),
        null);
    Request.Builder signedConnect =
        connect.newBuilder().header(DigestHeaders.PROXY.authorization(), signed.header());
    if (!preemptive) {
      signedConnect.tag(FreshNonce.class, FreshNonce.INSTANCE);
    }
    return signedConnect.build();
  }

  /** Marks a CONNECT signed with a nonce straight from a challenge: its refusal is final. */
  private enum FreshNonce {
    INSTANCE
  }

  private Instant now() {
    return context.clock().instant();
  }
}
