package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.Origin;
import dev.latchkey.runtime.store.SessionStore;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Header authentication: static headers (an account, an API key) on every request, plus either
 * HTTP Basic credentials or the key of a server session (MediaSilo API v3).
 *
 * <p>Immutable and thread-safe once built; {@link #install} may be called for several clients,
 * each getting its own session. In {@link HeaderAuthMode#SESSION} mode the session is created on
 * first use with one call in flight at a time, renewed once its idle lifetime has passed since the
 * last use (by the client's clock), and re-created once (with one replay) when the server rejects
 * it. Declared headers, {@code Authorization} and the session key never follow a redirect to
 * another origin. {@link #toString()} shows header names, never values.
 */
public final class HeaderScheme implements AuthScheme {
  static final String AUTHORIZATION = "Authorization";

  private final List<DeclaredHeader> headers;
  private final boolean basicAllowed;
  private final SessionSpec session;
  private final HeaderAuthMode mode;
  private final Set<Integer> authFailedStatus;
  private final Set<Integer> rateLimitStatus;
  private final Supplier<UserPassword> credentials;
  private final Duration maxRateLimitWait;
  private final Sleeper sleeper;
  private final SessionStore sessionStore;

  HeaderScheme(HeaderSchemeBuilderState state) {
    this.headers = List.copyOf(state.headers);
    this.basicAllowed = state.basicAllowed;
    this.session = state.session;
    this.mode = state.mode;
    this.authFailedStatus = Set.copyOf(state.authFailedStatus);
    this.rateLimitStatus = Set.copyOf(state.rateLimitStatus);
    this.credentials = state.credentials;
    this.maxRateLimitWait = state.maxRateLimitWait;
    this.sleeper = state.sleeper;
    this.sessionStore = state.sessionStore;
  }

  /** Starts a scheme; see {@link Builder} for what is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "header";
  }

  /**
   * Adds the header interceptor (static headers, Basic or session key, rejection and rate-limit
   * handling) and the origin guard (a network interceptor). Returns what ends the session on close.
   */
  @Override
  public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
    OriginGuard guard = new OriginGuard(Origin.of(context.baseUrl()), guardedHeaderNames());
    SessionManager sessions = null;
    if (mode == HeaderAuthMode.SESSION) {
      // The session call goes through the plain client (never the authenticated chain, whose
      // interceptor would wait for the very session being created), guarded like every call.
      OkHttpClient.Builder sessionBuilder = context.plainClient().newBuilder();
      sessionBuilder.networkInterceptors().add(0, guard);
      OkHttpClient sessionClient = sessionBuilder.build();
      SharedHeaderSessions shared = sessionStore == null ? null
          : new SharedHeaderSessions(
              sessionStore, () -> accountKey(context), session.idleLifetime(), context);
      sessions = new SessionManager(new SessionCalls(this, context, sessionClient), context,
          session.idleLifetime(), shared);
    }
    builder.addInterceptor(new HeaderInterceptor(this, context, sessions));
    // First among the network interceptors, so that the network log shows what really leaves.
    builder.networkInterceptors().add(0, guard);
    SessionManager owned = sessions;
    return owned == null ? () -> {} : owned::close;
  }

  /**
   * The store key of this client's session: the client name, the user and the values of the
   * non-secret headers (MediaSilo's host context selects the account), hashed. Secret header
   * values (API keys) are left out, so a rotated key keeps the session.
   */
  private String accountKey(AuthContext context) {
    StringBuilder identity = new StringBuilder(credentials.get().user());
    for (DeclaredHeader header : headers) {
      if (!header.secret()) {
        identity.append('\0').append(header.name()).append('=').append(header.value());
      }
    }
    return SessionStore.accountKey(context.clientName(), identity.toString());
  }

  List<String> guardedHeaderNames() {
    List<String> names = new ArrayList<>();
    headers.forEach(h -> names.add(h.name()));
    names.add(AUTHORIZATION);
    if (session != null) {
      names.add(session.keyHeader());
    }
    return names;
  }

  List<DeclaredHeader> headers() {
    return headers;
  }

  SessionSpec session() {
    return session;
  }

  HeaderAuthMode mode() {
    return mode;
  }

  boolean isAuthFailed(int code) {
    return authFailedStatus.contains(code);
  }

  boolean isRateLimited(int code) {
    return rateLimitStatus.contains(code);
  }

  Supplier<UserPassword> credentials() {
    return credentials;
  }

  Duration maxRateLimitWait() {
    return maxRateLimitWait;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  boolean basicAllowed() {
    return basicAllowed;
  }

  @Override
  public String toString() {
    return "HeaderScheme{mode=" + mode + ", headers=" + headers
        + (session == null ? "" : ", session=" + session.path() + " -> " + session.keyHeader()) + "}";
  }

  /**
   * Configures a {@link HeaderScheme}. Required: {@link #credentials} and a value for every
   * {@link #header}; {@link #build()} names the setter of whatever is missing, never a value.
   * Not thread-safe.
   */
  public static final class Builder {
    private final HeaderSchemeBuilderState state = new HeaderSchemeBuilderState();

    private Builder() {}

    /**
     * Declares a header sent on every request. {@code setter} is the builder setter users call
     * (named in errors); {@code secret} marks an API key. A null or blank value fails {@link #build()}.
     */
    public Builder header(String name, String setter, boolean secret, String valueOrNull) {
      return header(name, setter, secret, "{value}", valueOrNull == null ? null : () -> valueOrNull);
    }

    /**
     * Declares a header sent on every request, written as {@code format} with {@code {value}}
     * replaced by what {@code value} gives, asked on every request (a rotating token needs no
     * rebuild). A null supplier, or a null or blank value, fails naming {@code setter}.
     */
    public Builder header(String name, String setter, boolean secret, String format, Supplier<String> value) {
      state.headers.add(new DeclaredHeader(name, setter, secret, format, value));
      return this;
    }

    /** Whether {@link HeaderAuthMode#BASIC} may be chosen (default true). */
    public Builder basicAllowed(boolean allowed) {
      state.basicAllowed = allowed;
      return this;
    }

    /**
     * Declares the session: {@code POST path} with the user name and password at the given JSON
     * pointers, the key read at {@code keyPointer} and sent in {@code keyHeader}. {@code
     * idleLifetimeOrNull}: the session dies this long after its last use (null: unknown, renew only
     * when rejected). {@code endPathOrEmpty}: a {@code DELETE} path ending the session on close,
     * {@code {key}} standing for the key.
     */
    public Builder session(String path, String usernameField, String passwordField, String keyPointer,
        String keyHeader, Duration idleLifetimeOrNull, String endPathOrEmpty) {
      state.sessionArgs = new HeaderSchemeBuilderState.SessionArgs(path, usernameField, passwordField,
          keyPointer, keyHeader, idleLifetimeOrNull, endPathOrEmpty == null ? "" : endPathOrEmpty);
      return this;
    }

    /** Adds a session body field at {@code pointer}, filled with the value of the header set by {@code setter}. */
    public Builder sessionBodyField(String pointer, String setter) {
      state.bodyFields.put(pointer, setter);
      return this;
    }

    /** Basic or session; null or never called: {@link HeaderAuthMode#SESSION} when a session is declared, else Basic. */
    public Builder mode(HeaderAuthMode mode) {
      state.requestedMode = mode;
      return this;
    }

    /** Statuses meaning "authentication failed" (default 401 and 403). */
    public Builder authFailedStatus(int... statuses) {
      state.authFailedStatus = HeaderSchemeBuilderState.statuses("authFailedStatus", statuses);
      return this;
    }

    /** Statuses meaning "rate limited" (default 429 and, for older deployments, 420). */
    public Builder rateLimitStatus(int... statuses) {
      state.rateLimitStatus = HeaderSchemeBuilderState.statuses("rateLimitStatus", statuses);
      return this;
    }

    /** Where the user name and password come from; asked on every Basic request and every session creation. */
    public Builder credentials(Supplier<UserPassword> credentials) {
      state.credentials = credentials;
      return this;
    }

    /**
     * The longest {@code Retry-After} the client waits out by itself, once, before retrying. Default
     * zero: a rate-limit answer throws {@link dev.latchkey.runtime.RateLimitedException} at once.
     */
    public Builder maxRateLimitWait(Duration max) {
      state.maxRateLimitWait = max;
      return this;
    }

    /**
     * Shares the session through {@code store} with every client of the store (other processes
     * with a file store, a fleet with a Redis store): a session another client created and used
     * within the idle lifetime is adopted instead of creating one, and closing a client does not
     * end the shared session. Needs a {@link #session} declaration. Default none: this client only.
     */
    public Builder sessionStore(SessionStore store) {
      state.sessionStore = store;
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      state.sleeper = sleeper;
      return this;
    }

    /** Validates and builds; throws {@link dev.latchkey.runtime.LatchkeyConfigException} naming what is wrong. */
    public HeaderScheme build() {
      state.validate();
      return new HeaderScheme(state);
    }
  }
}
