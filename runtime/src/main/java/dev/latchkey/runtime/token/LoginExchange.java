package dev.latchkey.runtime.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.runtime.AccountUnusableException;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.Origin;
import dev.latchkey.runtime.http.SecretBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One login call and the reading of its answer. Runs synchronously on the plain client: never
 * through the authenticated client's dispatcher, where the calls waiting for this login may hold
 * every slot (the deadlock apis.md lists under "what existing clients get wrong").
 */
final class LoginExchange {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final MediaType TEXT_TYPE = MediaType.get("text/plain; charset=utf-8");
  /** When a throttle answer names no time, wait one budget window (or a minute without one). */
  private static final Duration DEFAULT_THROTTLE = Duration.ofMinutes(1);
  /**
   * Bounds a login when the user set no call timeout: OkHttp's read timeout restarts on every
   * byte, so a server that drips its answer would otherwise hold the login, and every caller
   * waiting for it, for as long as it likes.
   */
  static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** Longest throttle wait we believe; a larger Retry-After is capped, not an overflow. */
  private static final Duration MAX_THROTTLE = Duration.ofDays(1);
  /** Longest announced lifetime we believe; a larger one is capped, not an overflow. */
  private static final Duration MAX_LIFETIME = Duration.ofDays(3650);

  private final TokenConfig config;
  private final AuthContext context;
  private final OkHttpClient client;

  LoginExchange(TokenConfig config, AuthContext context) {
    this.config = config;
    this.context = context;
    OkHttpClient plain = context.plainClient();
    this.client = plain.callTimeoutMillis() > 0
        ? plain
        : plain.newBuilder().callTimeout(DEFAULT_CALL_TIMEOUT).build();
  }

  /** Logs in and returns session number {@code generation}; throws a typed failure otherwise. */
  Session login(long generation) throws IOException {
    long now = context.clock().millis();
    Request request = config.usesJwt() ? jwtRequest(now) : passwordRequest();
    try (Response response = client.newCall(request).execute()) {
      return read(response, now, generation);
    } finally {
      if (request.body() instanceof SecretBody secret) {
        secret.wipe(); // the password (or signed JWT) does not stay in this copy
      }
    }
  }

  private Request passwordRequest() throws IOException {
    UserPassword credentials = config.credentials().get();
    if (credentials == null) {
      throw new AuthenticationFailedException("credentials supplier returned null");
    }
    return config.loginRequest().build(url(config.loginPath()), credentials);
  }

  /**
   * Ends {@code session} with the declared logout call, carrying the token and the static headers
   * as any call does; {@code {token}} in the path stands for the token. Never follows a redirect
   * (the token must not travel on) and never throws: closing a client must not fail because the
   * server is gone. The outcome goes to the event listener.
   */
  void logout(Session session) {
    LoginShape shape = config.shape();
    String method = shape.logoutMethod();
    try {
      HttpUrl url = url(shape.logoutPath().replace("{token}", pathSegment(session.token())));
      if (config.usesQuery()) {
        url = url.newBuilder().setQueryParameter(shape.query(), session.token()).build();
      }
      RequestBody body = null;
      if (method.equals("POST") || method.equals("PUT")) {
        ObjectNode root = JsonAnswers.JSON.createObjectNode();
        Map<String, String> values = StaticHeaders.bySetter(shape.headers());
        config.logoutBody().putInto(root, setter -> values.getOrDefault(setter, ""));
        body = RequestBody.create(JsonAnswers.JSON.writeValueAsBytes(root), JSON_TYPE);
      }
      Request.Builder request = new Request.Builder().url(url).method(method, body);
      StaticHeaders.addTo(request, shape.headers());
      if (config.usesCookie()) {
        request.header("Cookie", config.cookieName() + "=" + session.token());
      } else if (!config.usesQuery()) {
        request.header(config.headerName(), config.headerValue(session.token()));
      }
      if (shape.csrf() != null && session.csrf() != null
          && (!shape.csrf().writesOnly() || TokenInterceptor.isWrite(method))) {
        request.header(shape.csrf().header(), session.csrf());
      }
      OkHttpClient noRedirects = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
      try (Response response = noRedirects.newCall(request.build()).execute()) {
        context.emit(AuthEvent.Type.NOTICE, context.baseUrl().host(), "logout of generation "
            + session.generation() + " answered HTTP " + response.code());
      }
    } catch (IOException | RuntimeException e) {
      context.emit(AuthEvent.Type.NOTICE, context.baseUrl().host(), "logout of generation "
          + session.generation() + " failed: " + e.getClass().getSimpleName());
    }
  }

  /** RFC 3986 section 3.3: the token as one path segment (unreserved characters kept). */
  private static String pathSegment(String token) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", (int) c));
      }
    }
    return encoded.toString();
  }

  private Request jwtRequest(long now) throws LatchkeyException {
    try {
      String jwt = JwtSigner.sign(config.signingKey(), Instant.ofEpochMilli(now));
      return new Request.Builder()
          .url(url(config.jwtPath()))
          .post(new SecretBody(jwt.getBytes(StandardCharsets.US_ASCII), TEXT_TYPE))
          .build();
    } catch (GeneralSecurityException e) {
      throw new LatchkeyException("cannot sign the login JWT with key " + config.signingKey().keyName()
          + ": " + e.getClass().getSimpleName());
    }
  }

  private okhttp3.HttpUrl url(String path) {
    return context.baseUrl().resolve(path);
  }

  private Session read(Response response, long now, long generation) throws IOException {
    int status = response.code();
    if (!Origin.of(context.baseUrl()).matches(response.request().url())) {
      throw new UnexpectedAnswerException("login was redirected to another origin ("
          + response.request().url().host() + "); its answer is not ours to read");
    }
    if (status >= 300 && status < 400) {
      // OkHttp does not follow 307/308 with a one-shot body: the password stays with us.
      throw new UnexpectedAnswerException("login answered a redirect (HTTP " + status
          + "); the login is never sent again elsewhere");
    }
    if (status == 429 || status == 405) {
      throw throttled(response, now, "HTTP " + status);
    }
    LoginShape shape = config.shape();
    LoginAnswer answer = LoginAnswer.peek(response, shape.xml());
    JsonNode root = answer.tree();
    String code = JsonAnswers.textAt(root, config.throttleCodePointer());
    if (code != null && config.throttleCodes().contains(code)) {
      throw throttled(response, now, code);
    }
    String error = JsonAnswers.textAt(root, config.errorPointer());
    if (error != null && config.terminalErrors().contains(error)) {
      throw new AccountUnusableException(error, "login refused: account unusable (" + error + ")");
    }
    if (error != null && config.badCredentialErrors().contains(error)) {
      throw new AuthenticationFailedException("login refused: wrong user name or password (" + error + ")");
    }
    if (status == 401 || status == 403) {
      // Terminal whatever the body says: calling it "unexpected" would let every call log in again.
      throw new AuthenticationFailedException("login refused with HTTP " + status);
    }
    if (status < 200 || status > 299) {
      throw new UnexpectedAnswerException("login answered HTTP " + status + (error == null ? "" : " " + error));
    }
    String token = answer.token(config.tokenPointer(), shape.tokenHeader(), shape.tokenCookie());
    String where = tokenSource();
    if (token == null || token.isBlank()) {
      throw new UnexpectedAnswerException("login answer from " + context.baseUrl().host() + " (HTTP " + status
          + ", Content-Type " + response.header("Content-Type", "none") + ") has no token " + where
          + (error == null ? "" : "; error " + error));
    }
    if (!carriable(token)) {
      // OkHttp would refuse it later with an unchecked exception; never quote it, it is a secret.
      throw new UnexpectedAnswerException("login answer (HTTP " + status + ") has a token " + where
          + " with characters a header or cookie cannot carry");
    }
    String csrf = null;
    if (shape.csrf() != null) {
      csrf = answer.csrf(shape.csrf());
      if (csrf == null || csrf.isBlank() || !carriable(csrf)) {
        throw new UnexpectedAnswerException("login answer (HTTP " + status + ") has no usable value for "
            + shape.csrf().header());
      }
    }
    Duration expiresIn = answer.expiresIn(config.expiresInPointer());
    long endsAt = expiresIn == null ? Long.MAX_VALUE : now + Math.min(expiresIn.toMillis(), MAX_LIFETIME.toMillis());
    return Session.loggedIn(token, generation, now, csrf, endsAt);
  }

  /** "at /response/token", "in header X-Subject-Token", ...: where the annotation said to look. */
  private String tokenSource() {
    LoginShape shape = config.shape();
    if (config.tokenPointer() != null) {
      return "at " + config.tokenPointer();
    }
    if (!shape.tokenHeader().isEmpty()) {
      return "in header " + shape.tokenHeader();
    }
    if (!shape.tokenCookie().isEmpty()) {
      return "in cookie " + shape.tokenCookie();
    }
    return "as the whole answer";
  }

  private static boolean carriable(String value) {
    return value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',');
  }

  private LoginThrottledException throttled(Response response, long now, String why) {
    Duration wait = JsonAnswers.retryAfter(response, now);
    if (wait == null) {
      wait = config.loginWindow() != null ? config.loginWindow() : DEFAULT_THROTTLE;
    }
    if (wait.compareTo(MAX_THROTTLE) > 0) {
      wait = MAX_THROTTLE;
    }
    return new LoginThrottledException("server throttled the login (" + why + ")", Instant.ofEpochMilli(now + wait.toMillis()));
  }
}
