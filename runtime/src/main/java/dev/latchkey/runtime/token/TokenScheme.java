package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonPointer;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.session.SessionAuth;
import dev.latchkey.runtime.session.SessionRecipe;
import dev.latchkey.runtime.session.SessionRecipe.Answers;
import dev.latchkey.runtime.session.SessionRecipe.Body;
import dev.latchkey.runtime.session.SessionRecipe.Carrier;
import dev.latchkey.runtime.session.SessionRecipe.CarrierKind;
import dev.latchkey.runtime.session.SessionRecipe.Login;
import dev.latchkey.runtime.session.SessionRecipe.TokenIn;
import dev.latchkey.runtime.session.SessionRecipe.TokenSource;
import dev.latchkey.runtime.store.SessionStore;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * Token login: log in once with a user name and password (or a signed JWT), then send the token on
 * every call in a header or a cookie, renewing it before its idle or hard lifetime ends and after
 * the server says the session is gone.
 *
 * <p>Guarantees, per installed client: one login in flight at a time (concurrent callers wait for
 * it); at most one re-login and one replay per call; never more logins than the login limit in any
 * sliding window; a refused password is not tried again for {@link Builder#badPasswordBackoff}
 * (unless the supplier's password changes); the token goes only to the client's credential
 * origins, and only their answers can mean "session gone". Login calls run synchronously on {@link
 * AuthContext#plainClient()}, never through the dispatcher that queues the calls waiting for them.
 * Runs on the one session engine shared with header sessions ({@code dev.latchkey.runtime.session}).
 * Immutable and thread-safe; {@link #toString()} shows no secret.
 */
public final class TokenScheme implements AuthScheme {
  private final SessionRecipe recipe;
  private final String description;

  private TokenScheme(SessionRecipe recipe, String description) {
    this.recipe = recipe;
    this.description = description;
  }

  /** Starts a token scheme; {@code tokenPointer} and credentials or a signing key are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "token";
  }

  /** Installs the session engine ({@code dev.latchkey.runtime.session}) with this scheme's recipe. */
  @Override
  public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
    return SessionAuth.install(recipe, context, builder);
  }

  @Override
  public String toString() {
    return "TokenScheme" + description;
  }

  /** Configures a {@link TokenScheme}. Not thread-safe. */
  public static final class Builder {
    private String loginPath = "auth";
    private String usernameField = "/auth/username";
    private String passwordField = "/auth/password";
    private String tokenPointer;
    private String headerName = "Authorization";
    private String headerFormat = "{token}";
    private String cookieName;
    private Duration idleLifetime;
    private Duration hardLifetime;
    private Set<Integer> sessionGoneStatus = Set.of(401);
    private String errorPointer;
    private Set<String> sessionGoneErrors = Set.of();
    private Set<String> badCredentialErrors = Set.of();
    private Set<String> terminalErrors = Set.of();
    private Set<String> forbiddenErrors = Set.of();
    private int loginLimit;
    private Duration loginWindow;
    private String throttleCodePointer;
    private Set<String> throttleCodes = Set.of();
    private String jwtPath;
    private Supplier<UserPassword> credentials;
    private JwtSigningKey signingKey;
    private Duration maxThrottleWait = Duration.ZERO;
    private Duration badPasswordBackoff = Duration.ofMinutes(5);
    private SessionStore sessionStore;

    private Builder() {}

    /** Path of the password login call, relative to the base URL. Default {@code auth}. */
    public Builder loginPath(String path) {
      this.loginPath = stripSlash(Objects.requireNonNull(path, "loginPath"));
      return this;
    }

    /** JSON pointer of the user name in the login body. Default {@code /auth/username}. */
    public Builder usernameField(String pointer) {
      this.usernameField = pointer;
      return this;
    }

    /** JSON pointer of the password in the login body. Default {@code /auth/password}. */
    public Builder passwordField(String pointer) {
      this.passwordField = pointer;
      return this;
    }

    /** JSON pointer of the token in the login answer, e.g. {@code /response/token}. Required. */
    public Builder tokenPointer(String pointer) {
      this.tokenPointer = pointer;
      return this;
    }

    /** Sends the token in header {@code name}; {@code format} contains {@code {token}}. The default. */
    public Builder header(String name, String format) {
      this.headerName = name;
      this.headerFormat = format;
      this.cookieName = null;
      return this;
    }

    /**
     * Sends the token as cookie {@code name}, to the base URL's host only, instead of a header. A
     * null or empty name keeps the header.
     */
    public Builder cookie(String name) {
      this.cookieName = name == null || name.isBlank() ? null : name;
      return this;
    }

    /** The token dies this long after the most recent call (sliding). Optional. */
    public Builder idleLifetime(Duration lifetime) {
      this.idleLifetime = lifetime;
      return this;
    }

    /** The token dies this long after login, however busy. Optional. */
    public Builder hardLifetime(Duration lifetime) {
      this.hardLifetime = lifetime;
      return this;
    }

    /** HTTP statuses that mean "session gone, log in again". Default {@code 401}. */
    public Builder sessionGoneStatus(int... statuses) {
      this.sessionGoneStatus = Arrays.stream(statuses).boxed().collect(Collectors.toUnmodifiableSet());
      return this;
    }

    /** JSON pointer of the error identifier in error answers, e.g. {@code /response/error_id}. */
    public Builder errorPointer(String pointer) {
      this.errorPointer = pointer;
      return this;
    }

    /** Error identifiers on an ordinary call (any status) that mean "session gone". */
    public Builder sessionGoneErrors(String... errors) {
      this.sessionGoneErrors = set(errors);
      return this;
    }

    /** Error identifiers from the login call that mean a wrong user name or password. */
    public Builder badCredentialErrors(String... errors) {
      this.badCredentialErrors = set(errors);
      return this;
    }

    /** Error identifiers that end all attempts (disabled account, expired password). */
    public Builder terminalErrors(String... errors) {
      this.terminalErrors = set(errors);
      return this;
    }

    /** Error identifiers that mean "not allowed": reported, never a reason to log in again. */
    public Builder forbiddenErrors(String... errors) {
      this.forbiddenErrors = set(errors);
      return this;
    }

    /** At most {@code count} logins in any sliding {@code window}, counting logins in flight. */
    public Builder loginLimit(int count, Duration window) {
      this.loginLimit = count;
      this.loginWindow = window;
      return this;
    }

    /** JSON pointer of the throttle code in error answers, e.g. {@code /response/error_code}. */
    public Builder throttleCodePointer(String pointer) {
      this.throttleCodePointer = pointer;
      return this;
    }

    /** Throttle codes at {@link #throttleCodePointer}; 429 and 405 answers always count. */
    public Builder throttleCodes(String... codes) {
      this.throttleCodes = set(codes);
      return this;
    }

    /** Path of the JWT login call, relative to the base URL; needed with {@link #signingKey}. */
    public Builder jwtPath(String path) {
      this.jwtPath = path == null || path.isEmpty() ? null : stripSlash(path);
      return this;
    }

    /** Password login: asked at each login, so a rotated password needs no restart. */
    public Builder credentials(Supplier<UserPassword> credentials) {
      this.credentials = credentials;
      return this;
    }

    /** JWT login with this key; wins over {@link #credentials} when both are set. */
    public Builder signingKey(JwtSigningKey key) {
      this.signingKey = key;
      return this;
    }

    /** How long a call may wait for the login budget before failing. Default 0: fail at once. */
    public Builder maxThrottleWait(Duration wait) {
      this.maxThrottleWait = Objects.requireNonNull(wait, "maxThrottleWait");
      return this;
    }

    /** After a refused password or unusable account, fail fast for this long. Default 5 minutes. */
    public Builder badPasswordBackoff(Duration backoff) {
      this.badPasswordBackoff = Objects.requireNonNull(backoff, "badPasswordBackoff");
      return this;
    }

    /**
     * Shares the session and the login budget through {@code store} (e.g. a {@link
     * dev.latchkey.runtime.store.FileSessionStore} for processes on one machine): before logging in,
     * a still-usable stored session is adopted. Default none: this client's memory only.
     */
    public Builder sessionStore(SessionStore store) {
      this.sessionStore = store;
      return this;
    }

    /** Validates and builds; throws {@link LatchkeyConfigException} naming the setter at fault. */
    public TokenScheme build() {
      if (tokenPointer == null) {
        throw new LatchkeyConfigException("TokenScheme: tokenPointer(..) is required");
      }
      if (credentials == null && signingKey == null) {
        throw new LatchkeyConfigException("TokenScheme: set credentials(..) or signingKey(..)");
      }
      if (signingKey != null && jwtPath == null) {
        throw new LatchkeyConfigException("TokenScheme: signingKey(..) needs jwtPath(..)");
      }
      if (cookieName == null && (headerFormat == null || !headerFormat.contains("{token}"))) {
        throw new LatchkeyConfigException("TokenScheme: header(name, format): format must contain {token}");
      }
      if (cookieName == null && (headerName == null || headerName.isBlank())) {
        throw new LatchkeyConfigException("TokenScheme: header(name, format): name is blank");
      }
      checkPositive(idleLifetime, "idleLifetime");
      checkPositive(hardLifetime, "hardLifetime");
      if (loginLimit < 0 || (loginLimit > 0 && (loginWindow == null || loginWindow.isNegative() || loginWindow.isZero()))) {
        throw new LatchkeyConfigException("TokenScheme: loginLimit(count, window) needs count >= 0 and a positive window");
      }
      pointer(tokenPointer, "tokenPointer");
      pointer(usernameField, "usernameField");
      pointer(passwordField, "passwordField");
      optionalPointer(errorPointer, "errorPointer");
      optionalPointer(throttleCodePointer, "throttleCodePointer");
      JwtSigningKey key = signingKey;
      Login login = key != null
          ? new Login("POST", jwtPath, Body.JSON, Map.of(), false, now -> JwtSigner.sign(key, Instant.ofEpochMilli(now)).getBytes(StandardCharsets.US_ASCII),
              new TokenSource(TokenIn.POINTER, tokenPointer), null)
          : new Login("POST", loginPath, Body.JSON, fields(), false, null,
              new TokenSource(TokenIn.POINTER, tokenPointer), null);
      Carrier carrier = cookieName != null
          ? new Carrier(CarrierKind.COOKIE, cookieName, null)
          : new Carrier(CarrierKind.HEADER, headerName, headerFormat);
      Answers answers = new Answers(sessionGoneStatus, Set.of(401, 403), Set.of(429, 405), errorPointer,
          sessionGoneErrors, badCredentialErrors, terminalErrors, forbiddenErrors, throttleCodePointer, throttleCodes);
      // A JWT login needs no password: the supplier names the key's user, for the store key.
      Supplier<UserPassword> who = key != null ? () -> new UserPassword(key.user(), "") : credentials;
      SessionRecipe recipe = new SessionRecipe("token", login, carrier, List.of(), answers, idleLifetime,
          hardLifetime, loginLimit, loginWindow, maxThrottleWait, badPasswordBackoff, Set.of(), Duration.ZERO,
          null, null, who, sessionStore);
      return new TokenScheme(recipe, "{login=" + (key != null ? jwtPath + " (jwt)" : loginPath)
          + ", transport=" + (cookieName != null ? "cookie " + cookieName : "header " + headerName)
          + ", idle=" + idleLifetime + ", hard=" + hardLifetime + ", loginLimit=" + loginLimit + "/" + loginWindow + "}");
    }

    private Map<String, String> fields() {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(usernameField, Login.USER);
      fields.put(passwordField, Login.PASSWORD);
      return fields;
    }

    private static void checkPositive(Duration duration, String setter) {
      if (duration != null && (duration.isNegative() || duration.isZero())) {
        throw new LatchkeyConfigException("TokenScheme: " + setter + "(..) must be positive, not " + duration);
      }
    }

    private static void optionalPointer(String pointer, String setter) {
      if (pointer != null && !pointer.isEmpty()) {
        pointer(pointer, setter);
      }
    }

    private static void pointer(String pointer, String setter) {
      if (pointer == null || !pointer.startsWith("/") || pointer.length() < 2) {
        throw new LatchkeyConfigException(
            "TokenScheme: " + setter + "(..) must be a JSON pointer such as /response/token, not '" + pointer + "'");
      }
      try {
        JsonPointer.compile(pointer);
      } catch (IllegalArgumentException e) {
        throw new LatchkeyConfigException("TokenScheme: " + setter + "(..) is not a JSON pointer: '" + pointer + "'");
      }
    }

    private static Set<String> set(String... values) {
      return values == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(Arrays.asList(values)));
    }

    private static String stripSlash(String path) {
      return path.startsWith("/") ? path.substring(1) : path;
    }
  }
}
