package dev.latchkey.runtime.session;

import dev.latchkey.runtime.AccountUnusableException;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.SessionState;
import dev.latchkey.runtime.SessionState.Status;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.store.SessionStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;

/**
 * The one session engine behind token login and header sessions: holds the current session of one
 * account and makes the logins, one at a time, through one pipeline.
 *
 * <p>Modelled on google-auth-library-java's {@code OAuth2Credentials}: the session is an immutable
 * value in a volatile field, so a caller with a usable session takes no lock; a caller that finds
 * none (or one about to end) either leads the single login in flight, outside the lock, or waits
 * for it, bounded by its own call. A caller refused with generation {@code g} renews {@code g}
 * only: if another caller already replaced it, it gets the newer session. The pipeline of a login:
 * ask the credentials (one place, one meaning for null), fail fast after a refusal of the same
 * credentials, honour the server's "no login before", adopt a usable session from the store
 * (always present: in memory unless the user shared one), reserve the budget (ours, then the
 * store's window), open, save. The budget is spent only once every local check passed (issue 14,
 * defect 4). Events are sent after the login in flight has completed, so a listener can neither
 * fail nor hang a waiter (defect 8); the event that ends a login carries how long it took. {@link
 * #state()} reports all this from memory, for health checks (issue 16).
 */
final class SessionEngine {
  /** A budget wait is re-checked a few times at most, so a clock that stands still cannot loop us. */
  private static final int MAX_WAITS = 3;

  private final SessionRecipe recipe;
  private final AuthContext context;
  private final Opener opener;
  private final StoredSessions stored;
  private final boolean storeShared;
  private final LoginBudget budget;
  private final long maxWaitMillis;
  private final Object lock = new Object();
  private volatile Session current;
  private volatile Refusal refusal;
  private CompletableFuture<Session> inFlight; // guarded by lock
  private long lastGeneration; // guarded by lock
  private boolean everOpened; // guarded by lock
  private volatile boolean closed;

  /** A refused credential, remembered so later calls fail fast without spending the budget. */
  private record Refusal(LatchkeyException cause, int credential, long untilMillis) {}

  /** The exceptions of a fail-fast refusal: no login was made, so none is reported. */
  private static final class FailFastRefused extends AuthenticationFailedException {
    private static final long serialVersionUID = 1L;

    FailFastRefused(String message) {
      super(message);
    }
  }

  private static final class FailFastUnusable extends AccountUnusableException {
    private static final long serialVersionUID = 1L;

    FailFastUnusable(String reason, String message) {
      super(reason, message);
    }
  }

  SessionEngine(
      SessionRecipe recipe,
      AuthContext context,
      Opener opener,
      SessionStore store,
      boolean storeShared) {
    this.recipe = recipe;
    this.context = context;
    this.opener = opener;
    this.stored = new StoredSessions(store, recipe, context);
    this.storeShared = storeShared;
    this.budget = new LoginBudget(recipe.loginLimit(), recipe.loginWindow());
    // A waiter outlives no login: the login's own timeout, any budget wait, and slack for the
    // store.
    this.maxWaitMillis = opener.callTimeoutMillis() + recipe.maxThrottleWait().toMillis() + 30_000;
  }

  /** A session usable now: the current one (no lock), or one from the login in flight. */
  Session acquire(Call call) throws IOException {
    Session session = current;
    if (session != null && usable(session)) {
      return session;
    }
    return loginOrJoin(session, call);
  }

  /** The server refused {@code failed}: forget it (only it) and return a newer session. */
  Session renew(Session failed, Call call) throws IOException {
    forget(failed);
    return loginOrJoin(failed, call);
  }

  /** Forgets {@code failed} if it is still current (here and in the store), so the next call logs in. */
  void forget(Session failed) {
    synchronized (lock) {
      if (current == failed) {
        current = null;
      }
    }
    stored.forget(failed); // outside the lock: store IO
  }

  /**
   * The server refused the credentials of a local (HTTP Basic) session: remember it, so that the
   * refused password is not sent again until it changes or the back-off ends (servers such as
   * Grafana lock an account after a few).
   */
  void refusedCredentials(Session session, LatchkeyException cause) throws IOException {
    Refusal last = refusal;
    forget(session);
    // A headers-only client sends its static headers as the supplier gives them at each request,
    // so what was refused is what the supplier gives now, not what the session was made from.
    int credential = recipe.carrier().kind() == SessionRecipe.CarrierKind.NONE
        ? fingerprint(credentials())
        : session.credential;
    if (last == null || last.untilMillis() <= context.clock().millis()) {
      remember(cause, credential);
    }
  }

  /**
   * A Basic session was refused: if the supplier now gives another password (rotated in the
   * secret store), the session made from it; null when it is the one refused, which must not be
   * sent again. (A headers-only client asks its suppliers on every request: nothing to remake.)
   */
  Session remade(Session refused, Call call) throws IOException {
    if (recipe.carrier().kind() == SessionRecipe.CarrierKind.NONE
        || fingerprint(credentials()) == refused.credential) {
      return null;
    }
    return renew(refused, call);
  }

  /** The server accepted {@code session} for a call sent at {@code sentAtMillis}. */
  void accepted(Session session, long sentAtMillis) {
    session.accepted(sentAtMillis);
    stored.touch(session, sentAtMillis);
  }

  /** Refuses further sessions and ends the current one, unless a shared store keeps it for others. */
  void close() {
    Session last;
    synchronized (lock) {
      closed = true;
      last = current;
      current = null;
    }
    if (last != null && !storeShared) {
      opener.logout(last);
    }
  }

  /**
   * The state for {@code LatchkeyClient.sessionState()}, from memory: no call, no store IO, the
   * lock held only to read two fields. In order: closed; renewing while a login is in flight; live
   * while the current session is usable (until its first lifetime ends); refused while a refused
   * credential backs off (until the back-off ends, or until the supplier's credentials change,
   * which only the next login can see); throttled while the server's block or the login budget
   * allows no login; else none. HTTP Basic has no session to lose: it is live unless refused.
   */
  SessionState state() {
    boolean renewing;
    synchronized (lock) {
      if (closed) {
        return SessionState.of(Status.CLOSED);
      }
      renewing = inFlight != null;
    }
    if (renewing) {
      return new SessionState(Status.RENEWING, null, "login in flight");
    }
    long now = context.clock().millis();
    Session session = current;
    if (session != null && usable(session)) {
      long until = session.usableUntil(recipe.idleLifetime(), recipe.hardLifetime());
      return new SessionState(
          Status.LIVE,
          until == Long.MAX_VALUE ? null : Instant.ofEpochMilli(until),
          session.local ? "HTTP Basic" : "generation " + session.generation);
    }
    Refusal last = refusal;
    if (last != null && now < last.untilMillis()) {
      return new SessionState(
          Status.REFUSED,
          Instant.ofEpochMilli(last.untilMillis()),
          last.cause().getClass().getSimpleName());
    }
    if (recipe.login() == null) {
      return new SessionState(
          Status.LIVE, null, "HTTP Basic: no session, the credentials go with every call");
    }
    long next = budget.nextAllowed(now);
    if (next >= 0) {
      return new SessionState(
          Status.THROTTLED,
          Instant.ofEpochMilli(next),
          // blocked: a throttle answer, or a login the budget refused (the engine blocks then too)
          budget.blockedAt(now) >= 0 ? "login throttled" : "login budget spent");
    }
    return new SessionState(
        Status.NONE, null, session == null ? "no session yet" : "session ended");
  }

  private boolean usable(Session session) {
    return session.usableAt(context.clock().millis(), recipe.idleLifetime(), recipe.hardLifetime());
  }

  private Session loginOrJoin(Session stale, Call call) throws IOException {
    CompletableFuture<Session> flight;
    long generation = 0;
    synchronized (lock) {
      if (closed) {
        throw new LatchkeyException(context.clientName() + " is closed");
      }
      Session session = current;
      if (session != null && session != stale && usable(session)) {
        return session;
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        generation = ++lastGeneration;
      }
      flight = inFlight;
    }
    if (generation == 0) {
      return Waits.await(flight, call, maxWaitMillis);
    }
    return lead(flight, generation, stale, call);
  }

  private Session lead(CompletableFuture<Session> flight, long generation, Session stale, Call call)
      throws IOException {
    long startedMillis = context.clock().millis();
    Session fresh = null;
    Throwable failure = null;
    boolean renewal = false;
    boolean adopted = false;
    boolean closedMeanwhile = false;
    try {
      fresh = pipeline(generation, stale, call);
      adopted = fresh.proven() && !fresh.local;
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
    } finally {
      synchronized (lock) {
        if (fresh != null) {
          closedMeanwhile = closed;
          renewal = everOpened && !adopted;
          everOpened |= !adopted;
          lastGeneration = Math.max(lastGeneration, fresh.generation);
          if (!closedMeanwhile) {
            current = fresh;
          }
        }
        inFlight = null;
      }
      if (closedMeanwhile) {
        failure = new LatchkeyException(context.clientName() + " is closed");
      }
      // Complete before anything else can throw (an event listener), so no waiter is left hanging.
      if (failure == null) {
        flight.complete(fresh);
      } else {
        flight.completeExceptionally(failure);
      }
    }
    report(
        fresh,
        failure,
        adopted,
        renewal,
        stale,
        Duration.ofMillis(context.clock().millis() - startedMillis));
    if (closedMeanwhile && !storeShared) {
      opener.logout(fresh);
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return fresh;
  }

  /** One login: credentials, fail fast, server block, adopt, budget, open, save. */
  private Session pipeline(long generation, Session stale, Call call) throws IOException {
    UserPassword credentials = credentials();
    int fingerprint = fingerprint(credentials);
    failFastAfterRefusal(fingerprint);
    long blocked = budget.blockedAt(context.clock().millis());
    if (blocked >= 0) {
      throw new LoginThrottledException(
          context.clientName()
              + ": logins are throttled (the server said so, or the budget is spent)",
          Instant.ofEpochMilli(blocked));
    }
    if (recipe.login() == null) {
      long now = context.clock().millis();
      String token = opener.open(credentials, now).token();
      context.redactor().addSecret(token);
      return new Session(token, generation, now, Long.MAX_VALUE, now, fingerprint, false, null);
    }
    try {
      return adoptOrOpen(stored.account(credentials), generation, stale, credentials, call);
    } catch (AuthenticationFailedException | AccountUnusableException e) {
      remember(e, fingerprint); // before the flight ends, so the next caller already sees it
      throw e;
    } catch (LoginThrottledException e) {
      budget.blockUntil(e.nextLoginAllowed().toEpochMilli());
      throw e;
    }
  }

  private Session adoptOrOpen(
      String key, long generation, Session stale, UserPassword credentials, Call call)
      throws IOException {
    for (int waits = 0; ; waits++) {
      Object outcome =
          stored.locked(key, () -> adoptOrOpenLocked(key, generation, stale, credentials));
      if (outcome instanceof Session session) {
        return session;
      }
      long next = (Long) outcome; // the budget's earliest instant: wait outside the store's lock
      long now = context.clock().millis();
      if (next - now > recipe.maxThrottleWait().toMillis() || waits >= MAX_WAITS) {
        throw new LoginThrottledException(
            context.clientName() + ": login budget spent", Instant.ofEpochMilli(next));
      }
      Waits.sleep(Math.max(1, next - now), call);
    }
  }

  /** Under the store's login lock: a usable stored session, or a new one, or the budget's next instant. */
  private Object adoptOrOpenLocked(
      String key, long generation, Session stale, UserPassword credentials) throws IOException {
    Session adopted = stored.adopt(key, stale, this::usable);
    if (adopted != null) {
      return adopted;
    }
    long now = context.clock().millis();
    long next = budget.nextAllowed(now);
    if (next < 0) {
      next = stored.reserve(key, now);
    }
    if (next >= 0) {
      return next;
    }
    budget.record(now);
    long number = stored.nextGeneration(key, generation);
    Opener.Opened opened = opener.open(credentials, now);
    context.redactor().addSecret(opened.token());
    context.redactor().addSecret(opened.csrf());
    Session fresh = new Session(
        opened.token(),
        number,
        now,
        opened.endsAtMillis(),
        context.clock().millis(),
        0,
        false,
        opened.csrf());
    stored.save(key, fresh);
    return fresh;
  }

  /** The user's credentials, asked through the client's one credential path. */
  private UserPassword credentials() throws LatchkeyException {
    UserPassword credentials = context.credentials(recipe.credentials());
    context.rememberPassword(credentials); // a server may echo it back
    return credentials;
  }

  /** Identifies a credential without keeping it: a refusal is forgotten once the password changes. */
  private static int fingerprint(UserPassword credentials) {
    char[] password = credentials.password();
    int hash = Objects.hash(credentials.user(), Arrays.hashCode(password));
    Arrays.fill(password, '\0');
    return hash == 0 ? 1 : hash; // 0 marks a session that is not local
  }

  private void failFastAfterRefusal(int credential) throws LatchkeyException {
    Refusal last = refusal;
    if (last == null
        || last.credential() != credential
        || context.clock().millis() >= last.untilMillis()) {
      return;
    }
    String message = "not logging in again with the refused credentials before "
        + Instant.ofEpochMilli(last.untilMillis()) + " after: " + last.cause().getMessage();
    if (last.cause() instanceof AccountUnusableException unusable) {
      throw new FailFastUnusable(unusable.reason(), message);
    }
    throw new FailFastRefused(message);
  }

  private void remember(LatchkeyException e, int credential) {
    refusal = new Refusal(
        e, credential, context.clock().millis() + recipe.badPasswordBackoff().toMillis());
  }

  /**
   * Sends the events of a finished login. {@code took}: from the leader's start to the end, by the
   * client's clock, as the callers waiting for it saw it (the store's login lock and any budget
   * wait included); it goes on the event that ends the login, {@code LOGIN} or {@code LOGIN_FAILED}.
   */
  private void report(
      Session fresh,
      Throwable failure,
      boolean adopted,
      boolean renewal,
      Session stale,
      Duration took) {
    if (failure instanceof LoginThrottledException) {
      emit(AuthEvent.Type.THROTTLED, failure.getMessage());
    } else if (failure instanceof FailFastRefused || failure instanceof FailFastUnusable) {
      return;
    } else if (failure != null) {
      context.emit(
          AuthEvent.Type.LOGIN_FAILED,
          context.baseUrl().host(),
          failure.getClass().getSimpleName() + ": " + failure.getMessage(),
          took);
    } else if (adopted) {
      emit(AuthEvent.Type.NOTICE, "adopted the stored session, generation " + fresh.generation);
    } else if (!fresh.local) {
      context.emit(
          AuthEvent.Type.LOGIN, context.baseUrl().host(), "generation " + fresh.generation, took);
      if (renewal) {
        emit(
            AuthEvent.Type.RENEWED,
            "generation " + fresh.generation
                + (stale == null ? "" : " replaces " + stale.generation));
      }
    }
  }

  private void emit(AuthEvent.Type type, String detail) {
    context.emit(type, context.baseUrl().host(), detail);
  }

  @Override
  public String toString() {
    return "SessionEngine{client=" + context.clientName() + ", kind=" + recipe.kind() + ", current="
        + current + "}";
  }
}
