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
import dev.latchkey.runtime.session.SessionRecipe.Csrf;
import dev.latchkey.runtime.session.SessionRecipe.Login;
import dev.latchkey.runtime.session.SessionRecipe.Logout;
import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import dev.latchkey.runtime.session.SessionRecipe.TokenIn;
import dev.latchkey.runtime.session.SessionRecipe.TokenSource;
import dev.latchkey.runtime.store.SessionStore;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

  /** Starts a token scheme; credentials or a signing key are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "token";
  }

  /**
   * Installs the session engine ({@code dev.latchkey.runtime.session}) with this scheme's recipe;
   * the result also reports the session state ({@link dev.latchkey.runtime.InstalledScheme}).
   */
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
    // The login shapes of issue 18; each setter is named like its @TokenLogin attribute.
    private LoginBody loginBody = LoginBody.JSON;
    private boolean loginBasic;
    private final List<String> loginFields = new ArrayList<>();
    private String tokenHeader = "";
    private String tokenCookie = "";
    private String query = "";
    private String expiresInPointer = "";
    private String logoutPath = "";
    private String logoutMethod = "DELETE";
    private final List<String> logoutFields = new ArrayList<>();
    private Csrf csrf;
    private final List<StaticHeader> headers = new ArrayList<>();
    private boolean xml;

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

    /**
     * JSON pointer of the token in the login answer, e.g. {@code /response/token}. Without it, nor
     * {@link #tokenHeader} nor {@link #tokenCookie}, the whole answer is the token.
     */
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
      this.sessionGoneStatus =
          Arrays.stream(statuses).boxed().collect(Collectors.toUnmodifiableSet());
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

    /** How the login call sends its fields: JSON (default), a form, or no body at all. */
    public Builder loginBody(LoginBody body) {
      this.loginBody = Objects.requireNonNull(body, "loginBody");
      return this;
    }

    /** Whether the login call carries the user name and password as HTTP Basic. Default false. */
    public Builder loginBasic(boolean basic) {
      this.loginBasic = basic;
      return this;
    }

    /**
     * Adds a fixed login body field: {@code "/pointer=text"} or {@code "/pointer:=json"} (a JSON
     * literal: number, boolean, array, object) for JSON, {@code "name=value"} for a form; {@code
     * {setter}} in a text value stands for the value of the static header of that setter.
     */
    public Builder loginField(String entry) {
      loginFields.add(Objects.requireNonNull(entry, "loginField"));
      return this;
    }

    /** Adds each entry as {@link #loginField}. */
    public Builder loginFields(String... entries) {
      for (String entry : entries) {
        loginField(entry);
      }
      return this;
    }

    /** The token comes in this header of the login answer (OpenStack Keystone {@code X-Subject-Token}). */
    public Builder tokenHeader(String name) {
      this.tokenHeader = name == null ? "" : name;
      return this;
    }

    /** The token is this cookie, set by the login answer (CouchDB {@code AuthSession}). */
    public Builder tokenCookie(String name) {
      this.tokenCookie = name == null ? "" : name;
      return this;
    }

    /** Sends the token as this query parameter instead of a header. */
    public Builder query(String name) {
      this.query = name == null ? "" : name;
      return this;
    }

    /** JSON pointer of the token's lifetime in seconds in the login answer; the shorter of it and {@link #hardLifetime} wins. */
    public Builder expiresInPointer(String pointer) {
      this.expiresInPointer = pointer == null ? "" : pointer;
      return this;
    }

    /** Called once by {@code close()}: {@code method path}, {@code {token}} standing for the token. */
    public Builder logout(String path, String method) {
      this.logoutPath = path == null ? "" : stripSlash(path);
      this.logoutMethod = Objects.requireNonNull(method, "logoutMethod");
      return this;
    }

    /** The JSON body of a {@code POST} or {@code PUT} logout, entries as {@link #loginField} ({@code {}} when none). */
    public Builder logoutFields(String... entries) {
      logoutFields.addAll(Arrays.asList(entries));
      return this;
    }

    /**
     * A second value from the login answer sent in {@code header} on later calls (only on writes
     * when {@code writesOnly}): taken from exactly one of {@code pointer} (JSON pointer), {@code
     * answerHeader}, {@code answerCookie}, the other two empty.
     */
    public Builder csrf(
        String pointer,
        String answerHeader,
        String answerCookie,
        String header,
        boolean writesOnly) {
      List<TokenSource> sources = new ArrayList<>();
      if (pointer != null && !pointer.isEmpty()) {
        sources.add(new TokenSource(TokenIn.POINTER, pointer));
      }
      if (answerHeader != null && !answerHeader.isEmpty()) {
        sources.add(new TokenSource(TokenIn.HEADER, answerHeader));
      }
      if (answerCookie != null && !answerCookie.isEmpty()) {
        sources.add(new TokenSource(TokenIn.COOKIE, answerCookie));
      }
      if (sources.size() != 1 || header == null || header.isBlank()) {
        throw new LatchkeyConfigException(
            "TokenScheme: csrf(..) needs exactly one of pointer, answerHeader,"
                + " answerCookie, and a header");
      }
      this.csrf = new Csrf(sources.get(0), header, writesOnly);
      return this;
    }

    /**
     * A header on every call and on the login: {@code format} with {@code {value}} replaced by what
     * {@code value} gives, asked on every request (a rotating token needs no rebuild). {@code
     * setter} names the generated builder setter in messages (empty for a fixed value); {@code
     * secret} marks a key, masked in every log.
     */
    public Builder header(
        String name, String setter, boolean secret, String format, Supplier<String> value) {
      headers.add(new StaticHeader(name, setter, secret, format, value));
      return this;
    }

    /** Whether login answers are XML (the interface's {@code @Xml}); pointers then address the XML tree. */
    public Builder xml(boolean xml) {
      this.xml = xml;
      return this;
    }

    /** Validates and builds; throws {@link LatchkeyConfigException} naming the setter at fault. */
    public TokenScheme build() {
      long sources = Stream.of(tokenPointer, tokenHeader, tokenCookie)
          .filter(t -> t != null && !t.isEmpty())
          .count();
      if (sources > 1) {
        throw new LatchkeyConfigException(
            "TokenScheme: give at most one of tokenPointer(..), tokenHeader(..) and tokenCookie(..)");
      }
      if (!query.isEmpty() && cookieName != null) {
        throw new LatchkeyConfigException(
            "TokenScheme: query(..) and cookie(..) both carry the token; keep one");
      }
      if (credentials == null && signingKey == null) {
        throw new LatchkeyConfigException("TokenScheme: set credentials(..) or signingKey(..)");
      }
      if (signingKey != null && jwtPath == null) {
        throw new LatchkeyConfigException("TokenScheme: signingKey(..) needs jwtPath(..)");
      }
      boolean headerCarrier = cookieName == null && query.isEmpty();
      if (headerCarrier && (headerFormat == null || !headerFormat.contains("{token}"))) {
        throw new LatchkeyConfigException(
            "TokenScheme: header(name, format): format must contain {token}");
      }
      if (headerCarrier && (headerName == null || headerName.isBlank())) {
        throw new LatchkeyConfigException("TokenScheme: header(name, format): name is blank");
      }
      checkPositive(idleLifetime, "idleLifetime");
      checkPositive(hardLifetime, "hardLifetime");
      if (loginLimit < 0
          || (loginLimit > 0
              && (loginWindow == null || loginWindow.isNegative() || loginWindow.isZero()))) {
        throw new LatchkeyConfigException(
            "TokenScheme: loginLimit(count, window) needs count >= 0 and a positive window");
      }
      optionalPointer(tokenPointer, "tokenPointer");
      optionalPointer(errorPointer, "errorPointer");
      optionalPointer(throttleCodePointer, "throttleCodePointer");
      optionalPointer(expiresInPointer, "expiresInPointer");
      if (csrf != null && csrf.source().in() == TokenIn.POINTER) {
        pointer(csrf.source().name(), "csrf");
      }
      TokenSource token = tokenSource();
      JwtSigningKey key = signingKey;
      Body body = Body.valueOf(loginBody.name());
      Map<String, String> literals = new LinkedHashMap<>();
      Map<String, String> fields =
          LoginFieldSyntax.parse(loginFields, body, "loginField", literals);
      if (!loginBasic && body != Body.NONE) {
        credentialField(usernameField, body, "usernameField");
        credentialField(passwordField, body, "passwordField");
        fields.put(usernameField, Login.USER);
        fields.put(passwordField, Login.PASSWORD);
      }
      Login login = key != null
          ? new Login(
              "POST",
              jwtPath,
              Body.JSON,
              Map.of(),
              Map.of(),
              false,
              now -> JwtSigner.sign(key, Instant.ofEpochMilli(now))
                  .getBytes(StandardCharsets.US_ASCII),
              token,
              emptyToNull(expiresInPointer),
              xml)
          : new Login(
              "POST",
              loginPath,
              body,
              fields,
              literals,
              loginBasic,
              null,
              token,
              emptyToNull(expiresInPointer),
              xml);
      Carrier carrier = cookieName != null
          ? new Carrier(CarrierKind.COOKIE, cookieName, null)
          : !query.isEmpty()
              ? new Carrier(CarrierKind.QUERY, query, null)
              : new Carrier(CarrierKind.HEADER, headerName, headerFormat);
      Logout logout = null;
      if (!logoutPath.isEmpty()) {
        Map<String, String> logoutLiterals = new LinkedHashMap<>();
        Map<String, String> logoutText =
            LoginFieldSyntax.parse(logoutFields, Body.JSON, "logoutFields", logoutLiterals);
        logout = new Logout(logoutMethod, logoutPath, logoutText, logoutLiterals);
      }
      Answers answers = new Answers(
          sessionGoneStatus,
          Set.of(401, 403),
          Set.of(429, 405),
          errorPointer,
          sessionGoneErrors,
          badCredentialErrors,
          terminalErrors,
          forbiddenErrors,
          throttleCodePointer,
          throttleCodes);
      // A JWT login needs no password: the supplier names the key's user, for the store key.
      Supplier<UserPassword> who =
          key != null ? () -> new UserPassword(key.user(), "") : credentials;
      SessionRecipe recipe = new SessionRecipe(
          "token",
          login,
          carrier,
          headers,
          answers,
          idleLifetime,
          hardLifetime,
          loginLimit,
          loginWindow,
          maxThrottleWait,
          badPasswordBackoff,
          Set.of(),
          Duration.ZERO,
          null,
          logout,
          csrf,
          who,
          sessionStore);
      return new TokenScheme(
          recipe,
          "{login=" + (key != null ? jwtPath + " (jwt)" : loginPath)
              + ", transport=" + carrier.kind().name().toLowerCase(Locale.ROOT) + " "
              + carrier.name()
              + ", idle=" + idleLifetime + ", hard=" + hardLifetime + ", loginLimit=" + loginLimit
              + "/" + loginWindow + "}");
    }

    /** Where the token comes back: a pointer, an answer header, a cookie, or the whole answer. */
    private TokenSource tokenSource() {
      if (tokenPointer != null && !tokenPointer.isEmpty()) {
        return new TokenSource(TokenIn.POINTER, tokenPointer);
      }
      if (!tokenHeader.isEmpty()) {
        return new TokenSource(TokenIn.HEADER, tokenHeader);
      }
      if (!tokenCookie.isEmpty()) {
        return new TokenSource(TokenIn.COOKIE, tokenCookie);
      }
      return new TokenSource(TokenIn.WHOLE_ANSWER, "the whole answer");
    }

    private static void credentialField(String field, Body body, String setter) {
      if (body == Body.JSON) {
        pointer(field, setter);
      } else if (field == null || field.isBlank() || field.startsWith("/")) {
        throw new LatchkeyConfigException(
            "TokenScheme: " + setter + "(..) must be a form field name such as"
                + " 'username' with loginBody(FORM), not '" + field + "'");
      }
    }

    private static String emptyToNull(String text) {
      return text == null || text.isEmpty() ? null : text;
    }

    private static void checkPositive(Duration duration, String setter) {
      if (duration != null && (duration.isNegative() || duration.isZero())) {
        throw new LatchkeyConfigException(
            "TokenScheme: " + setter + "(..) must be positive, not " + duration);
      }
    }

    private static void optionalPointer(String pointer, String setter) {
      if (pointer != null && !pointer.isEmpty()) {
        pointer(pointer, setter);
      }
    }

    private static void pointer(String pointer, String setter) {
      if (pointer == null || !pointer.startsWith("/") || pointer.length() < 2) {
        throw new LatchkeyConfigException("TokenScheme: " + setter
            + "(..) must be a JSON pointer such as /response/token, not '" + pointer + "'");
      }
      try {
        JsonPointer.compile(pointer);
      } catch (IllegalArgumentException e) {
        throw new LatchkeyConfigException(
            "TokenScheme: " + setter + "(..) is not a JSON pointer: '" + pointer + "'");
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
