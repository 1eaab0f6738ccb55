package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.http.Origin;
import dev.latchkey.runtime.http.ServerText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The application interceptor that decides, per call, how to authenticate: pre-emptively with a
 * cached nonce (one exchange), or by fetching a challenge first. An application interceptor and
 * not an OkHttp {@code Authenticator}, because an authenticator only runs after a 401, so it can
 * neither send pre-emptively nor read {@code Authentication-Info} on a success.
 *
 * <p>Every call makes at most two exchanges: the first is refused or challenged, the second is
 * final. A refusal of the second is a wrong password: {@link AuthenticationFailedException}.
 */
final class DigestInterceptor implements Interceptor {
  /** Waiting for another call's challenge fetch never takes longer than this when no timeout is set. */
  private static final long DEFAULT_WAIT_MILLIS = 60_000;

  private final DigestConfig config;
  private final DigestHeaders headers;
  private final AuthContext context;
  private final NonceCache cache;
  private final ChallengeChooser chooser;

  DigestInterceptor(DigestConfig config, AuthContext context, NonceCache cache) {
    this.config = config;
    this.headers = config.headers();
    this.context = context;
    this.cache = cache;
    this.chooser = new ChallengeChooser(
        config.algorithms(), config.realm(), headers.challenge(), context.redactor());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header(headers.authorization()) != null) {
      return chain.proceed(request); // the caller authenticates this one itself
    }
    if (config.proxy() && request.url().isHttps()) {
      // Inside a TLS tunnel the proxy sees nothing: its credentials go on the CONNECT, which
      // DigestTunnelAuthenticator signs. Signing here would hand them to the origin.
      return chain.proceed(request);
    }
    if (!config.proxy() && !context.origins().contains(request.url())) {
      // The origin rule (design.md): a Retrofit @Url "next" link or an okHttpClient() call to a
      // host that is not ours goes out and comes back untouched. Its 401 is not our challenge: a
      // hostile server answering 'Digest realm="evil", nonce="chosen"' would otherwise get a
      // response it can attack offline. Proxy mode is exempt: its credentials belong to the proxy
      // (Proxy-Authorization on a 407), whatever the target, and DigestSigner only writes them on
      // a connection that really goes through an HTTP proxy.
      return chain.proceed(request);
    }
    Origin origin = config.proxy() ? Origin.PROXY : Origin.of(request.url());
    OriginEntry entry = cache.entry(origin);
    // At most one wait for another call's fetch; if that yields no nonce (an unprotected
    // resource, or a failed fetch), this call fetches on its own. Bounded either way.
    for (int round = 0; round < 2; round++) {
      Instant now = now(); // one clock read for the look-up and the renewal check
      NonceState state = entry.usable(config.realm(), now);
      if (state != null) {
        return warm(chain, origin, entry, state, now);
      }
      CompletableFuture<Void> mine = new CompletableFuture<>();
      CompletableFuture<Void> running = entry.startFlight(mine);
      if (running == null) {
        try {
          // A fetch may have landed between our look-up and our start: use its nonce.
          now = now();
          state = entry.usable(config.realm(), now);
          if (state != null) {
            entry.land(mine);
            return warm(chain, origin, entry, state, now);
          }
          return cold(chain, origin, entry, mine);
        } finally {
          entry.land(mine);
        }
      }
      await(chain, running);
    }
    return cold(chain, origin, entry, null);
  }

  /** A nonce is cached: send with it, unless this caller is the one to renew it. */
  private Response warm(
      Chain chain, Origin origin, OriginEntry entry, NonceState state, Instant now)
      throws IOException {
    if (state.renewalDueAt(now) && bodyless(chain.request()) && state.claimRenewal()) {
      try {
        return renew(chain, origin, entry);
      } finally {
        state.releaseRenewal();
      }
    }
    if (context.listening()) {
      String detail = state.reuseDetail();
      if (detail == null) {
        detail = state.reuseDetail("realm=" + quote(state.challenge().realm()));
      }
      emit(AuthEvent.Type.NONCE_REUSED, origin, detail);
    }
    return sendSigned(chain, origin, entry, state, true);
  }

  /**
   * Proactive renewal: this one caller sends its request without credentials to get a fresh
   * challenge, then signs with the new nonce (2 exchanges, once per nonce lifetime), while every
   * other caller keeps using the old nonce, which is still valid. The alternative, sending with the
   * old nonce and waiting for the server to refuse it, does not renew anything until the nonce is
   * gone, and then every call in flight at that moment pays a refusal and a retry.
   */
  private Response renew(Chain chain, Origin origin, OriginEntry entry) throws IOException {
    Response probe = chain.proceed(chain.request());
    if (!challengeFrom(origin, probe)) {
      return probe; // not protected after all, or a redirect's other origin answered
    }
    NonceState fresh = storeChallenge(probe, origin, entry);
    emit(
        AuthEvent.Type.NONCE_RENEWED,
        origin,
        "proactive, " + quote(fresh.challenge().describe()));
    return sendSigned(chain, origin, entry, fresh, false);
  }

  /** No nonce: the request itself fetches the challenge, then is signed with the new nonce. */
  private Response cold(
      Chain chain, Origin origin, OriginEntry entry, CompletableFuture<Void> flight)
      throws IOException {
    Response first = chain.proceed(chain.request());
    if (!challengeFrom(origin, first)) {
      return first;
    }
    NonceState fresh = storeChallenge(first, origin, entry);
    if (flight != null) {
      entry.land(flight); // waiters can sign with the new nonce while we retry
    }
    requireReplayable(chain.request(), origin);
    return sendSigned(chain, origin, entry, fresh, false);
  }

  private Response sendSigned(
      Chain chain, Origin origin, OriginEntry entry, NonceState state, boolean mayRetry)
      throws IOException {
    DigestTicket ticket = new DigestTicket(origin, state);
    Response response = ticket.proceed(chain, chain.request());
    if (response.code() != headers.status()) {
      return checkInfo(response, ticket, entry);
    }
    if (!challengeFrom(origin, response)) {
      return response; // a redirect left our origin, and the other one refused: not about us
    }
    emit(AuthEvent.Type.REJECTED, origin, "HTTP " + response.code() + " for a signed request");
    if (!mayRetry) {
      if (staleChallenge(response, origin, entry)) {
        // RFC 7616 section 3.3: stale=true says the credentials were right and only the nonce
        // was not. Reading it as a wrong password would be false (and alarming); replaying again
        // would break "one replay per call". The new nonce is kept: the next call uses it.
        throw new UnexpectedAnswerException(
            origin.label() + " accepted the credentials of user '" + userName()
                + "' but called a nonce it had just issued stale (realm "
                + quote(state.challenge().realm()) + "); not replayed again, the next call uses"
                + " the server's new nonce");
      }
      throw new AuthenticationFailedException(
          origin.label() + " refused the credentials of user '" + userName()
              + "' with a fresh nonce (realm " + quote(state.challenge().realm())
              + "); not retrying, a wrong password would lock the account");
    }
    // A cached nonce was refused, with or without stale=true (some servers never send it): the
    // 401 carries a fresh challenge, so one retry suffices - 2 exchanges, not 3.
    NonceState fresh = storeChallenge(response, origin, entry);
    requireReplayable(chain.request(), origin);
    return sendSigned(chain, origin, entry, fresh, false);
  }

  /**
   * For the final refusal of a call: whether its challenge says {@code stale=true}; if so its
   * nonce is stored for the next call. Closes {@code refused}. A refusal whose challenge cannot be
   * read is not stale: it stays a wrong password, as before.
   */
  private boolean staleChallenge(Response refused, Origin origin, OriginEntry entry) {
    try {
      ChallengeChooser.Choice choice;
      try (refused) {
        choice = chooser.choose(refused);
      }
      if (!choice.challenge().stale()) {
        return false;
      }
      NonceState fresh = entry.store(
          choice.challenge(),
          choice.algorithm(),
          now(),
          config.nonceLifetime(),
          NonceState.roundTrip(refused));
      emit(
          AuthEvent.Type.NONCE_RENEWED,
          origin,
          "stale, " + quote(fresh.challenge().describe()));
      return true;
    } catch (UnexpectedAnswerException e) {
      return false;
    }
  }

  /** Reads the challenge of a 401/407 (closing it), stores its nonce, emits CHALLENGE. */
  private NonceState storeChallenge(Response challenged, Origin origin, OriginEntry entry)
      throws LatchkeyException {
    ChallengeChooser.Choice choice;
    try (challenged) {
      choice = chooser.choose(challenged);
    }
    // Once per challenge, not per request, and before anything quotes the challenge: a server
    // that echoes the password back (in a realm, an error page) finds it masked in every log,
    // message and event of this client.
    context.rememberPassword(context.credentials(config.credentials()));
    Duration roundTrip = NonceState.roundTrip(challenged);
    // The round trip of the challenge exchange: what a metrics timer records (issue 16).
    context.emit(
        AuthEvent.Type.CHALLENGE, origin.label(), quote(choice.challenge().describe()), roundTrip);
    return entry.store(
        choice.challenge(), choice.algorithm(), now(), config.nonceLifetime(), roundTrip);
  }

  /** Verifies {@code Authentication-Info} and adopts its {@code nextnonce}. */
  private Response checkInfo(Response response, DigestTicket ticket, OriginEntry entry)
      throws IOException {
    String value = response.header(headers.info());
    SignedRequest signed = ticket.lastSigned();
    if (!ticket.origin().matches(response.request().url())) {
      // After a redirect to another origin, its Authentication-Info is not about our nonce, and
      // an answer from there owes us no proof.
      return response;
    }
    if (value == null) {
      if (config.mutualAuth() && signed != null) {
        response.close();
        throw AuthenticationInfo.unproven(headers.info(), "is missing");
      }
      return response;
    }
    try {
      AuthenticationInfo info = AuthenticationInfo.parse(value, headers.info());
      NonceState used = ticket.state();
      if (signed != null) {
        info.verify(
            signed,
            used.algorithm(),
            used.challenge().nonce(),
            headers.info(),
            context.redactor(),
            config.mutualAuth());
      }
      if (info.nextNonce() != null && !info.nextNonce().isEmpty()) {
        NonceState next = entry.advance(
            used, info.nextNonce(), now(), config.nonceLifetime(), NonceState.roundTrip(response));
        if (next != null) {
          emit(AuthEvent.Type.NONCE_RENEWED, ticket.origin(), "nextnonce");
        }
      }
      return response;
    } catch (UnexpectedAnswerException e) {
      response.close();
      throw e;
    }
  }

  private void requireReplayable(Request request, Origin origin) throws BodyNotReplayableException {
    if (!replayable(request)) {
      throw new BodyNotReplayableException(
          origin.label() + " demanded digest authentication, which means sending the request"
              + " again, but its body is one-shot and is never replayed");
    }
  }

  /**
   * Only a call without a body renews: its probe wastes no upload. If only calls with bodies come,
   * the nonce runs out and the next call fetches a challenge for everyone (single-flight).
   */
  private static boolean bodyless(Request request) throws IOException {
    RequestBody body = request.body();
    return body == null || body.contentLength() == 0;
  }

  private static boolean replayable(Request request) {
    RequestBody body = request.body();
    return body == null || !(body.isOneShot() || body.isDuplex());
  }

  /** Waits for another call's challenge fetch, no longer than this call may take. */
  private static void await(Chain chain, CompletableFuture<Void> running) throws IOException {
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    long millis = timeoutNanos > 0
        ? TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
        : chain.connectTimeoutMillis() + chain.readTimeoutMillis() + chain.writeTimeoutMillis();
    if (millis <= 0) {
      millis = DEFAULT_WAIT_MILLIS;
    }
    try {
      running.get(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the digest challenge");
    } catch (TimeoutException e) {
      throw new InterruptedIOException(
          "timed out after " + millis + " ms waiting for another call's digest challenge");
    } catch (ExecutionException e) {
      // never completed exceptionally; the waiter looks for a nonce either way
    }
  }

  private String userName() throws LatchkeyException {
    return context.credentials(config.credentials()).user();
  }

  /**
   * Whether {@code response} is a challenge of {@code origin}: the 401 (407) status, from the
   * origin this call authenticates with. After a redirect OkHttp hands us the last hop's answer; a
   * 401 from another origin is that origin's business, never a refusal of our nonce (issue 14,
   * defect 3). A 407 always comes from the proxy, whatever the target.
   */
  private boolean challengeFrom(Origin origin, Response response) {
    return response.code() == headers.status()
        && (config.proxy() || origin.matches(response.request().url()));
  }

  /** Server text (a realm, a challenge's description) fit for a message or an event. */
  private String quote(String serverText) {
    return ServerText.quote(serverText, context.redactor());
  }

  private Instant now() {
    return context.clock().instant();
  }

  private void emit(AuthEvent.Type type, Origin origin, String detail) {
    context.emit(type, origin.label(), detail);
  }
}
