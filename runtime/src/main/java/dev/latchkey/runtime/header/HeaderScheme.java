package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.session.SessionAuth;
import dev.latchkey.runtime.session.SessionRecipe;
import dev.latchkey.runtime.session.SessionRecipe.Sleeper;
import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import dev.latchkey.runtime.store.SessionStore;
import java.io.Closeable;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Header authentication: static headers (an account, an API key) on every request, plus either
 * HTTP Basic credentials or the key of a server session (MediaSilo API v3).
 *
 * <p>Immutable and thread-safe once built; {@link #install} may be called for several clients,
 * each getting its own session. In {@link HeaderAuthMode#SESSION} mode the session is created on
 * first use with one call in flight at a time, renewed shortly before its idle lifetime ends since
 * the last use (a tenth of it, at most a minute, by the client's clock), and re-created once (with
 * one replay) when the server rejects it. Declared headers, {@code Authorization} and the session
 * key go only to the client's credential origins, never along a redirect elsewhere. Runs on the one
 * session engine shared with token login ({@code dev.latchkey.runtime.session}). {@link
 * #toString()} shows header names, never values.
 */
public final class HeaderScheme implements AuthScheme {
  private final SessionRecipe recipe;
  private final HeaderAuthMode mode;

  HeaderScheme(SessionRecipe recipe, HeaderAuthMode mode) {
    this.recipe = recipe;
    this.mode = mode;
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
   * Installs the session engine ({@code dev.latchkey.runtime.session}) with this scheme's recipe:
   * Basic is a session made locally from the credentials, never stored. Returns what ends the
   * session on close and reports its state ({@link dev.latchkey.runtime.InstalledScheme}).
   */
  @Override
  public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
    return SessionAuth.install(recipe, context, builder);
  }

  HeaderAuthMode mode() {
    return mode;
  }

  @Override
  public String toString() {
    return "HeaderScheme{mode=" + mode + ", headers=" + recipe.headers()
        + (recipe.login() == null
            ? ""
            : ", session=" + recipe.login().path() + " -> " + recipe.carrier().name())
        + "}";
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
      return header(
          name, setter, secret, "{value}", valueOrNull == null ? null : () -> valueOrNull);
    }

    /**
     * Declares a header sent on every request, written as {@code format} with {@code {value}}
     * replaced by what {@code value} gives, asked on every request (a rotating token needs no
     * rebuild). {@code setter} is empty for a fixed value. A null supplier, or a null or blank
     * value, fails naming {@code setter}.
     */
    public Builder header(
        String name, String setter, boolean secret, String format, Supplier<String> value) {
      state.headers.add(new StaticHeader(name, setter, secret, format, value));
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
    public Builder session(
        String path,
        String usernameField,
        String passwordField,
        String keyPointer,
        String keyHeader,
        Duration idleLifetimeOrNull,
        String endPathOrEmpty) {
      state.sessionArgs = new HeaderSchemeBuilderState.SessionArgs(
          path,
          usernameField,
          passwordField,
          keyPointer,
          keyHeader,
          idleLifetimeOrNull,
          endPathOrEmpty == null ? "" : endPathOrEmpty);
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

    /**
     * Where the user name and password come from; asked at every session creation (in Basic mode:
     * whenever the Basic credentials are made, and again after a refusal, so a rotated password
     * needs no restart). A refused password is not sent again until the supplier's password
     * changes or {@link #badPasswordBackoff} passes. Returning null is a configuration error.
     */
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

    /**
     * After refused credentials (a refused password, in Basic mode too), fail fast for this long
     * unless the supplier's credentials change. Default 5 minutes.
     */
    public Builder badPasswordBackoff(Duration backoff) {
      state.badPasswordBackoff = backoff;
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      state.sleeper = sleeper;
      return this;
    }

    /** Validates and builds; throws {@link dev.latchkey.runtime.LatchkeyConfigException} naming what is wrong. */
    public HeaderScheme build() {
      return new HeaderScheme(state.recipe(), state.mode);
    }
  }
}
