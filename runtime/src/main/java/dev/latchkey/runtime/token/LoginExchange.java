package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.runtime.AccountUnusableException;
import dev.latchkey.runtime.AuthContext;
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
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
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
      String token = read(response, now);
      return Session.loggedIn(token, generation, now);
    } finally {
      if (request.body() instanceof SecretBody secret) {
        secret.wipe(); // the password (or signed JWT) does not stay in this copy
      }
    }
  }

  private Request passwordRequest() throws LatchkeyException {
    UserPassword credentials = config.credentials().get();
    if (credentials == null) {
      throw new AuthenticationFailedException("credentials supplier returned null");
    }
    char[] password = credentials.password();
    try {
      ObjectNode body = JsonAnswers.JSON.createObjectNode();
      put(body, config.usernameField(), credentials.user());
      put(body, config.passwordField(), new String(password));
      byte[] bytes = JsonAnswers.JSON.writeValueAsBytes(body);
      return new Request.Builder().url(url(config.loginPath()))
          .post(new SecretBody(bytes, JSON_TYPE)).build();
    } catch (IOException e) {
      throw new LatchkeyException("cannot write the login body", e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static void put(ObjectNode root, JsonPointer pointer, String value) {
    JsonPointer parent = pointer.head();
    ObjectNode target = parent == null || parent.matches() ? root : root.withObject(parent);
    target.put(pointer.last().getMatchingProperty(), value);
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

  private String read(Response response, long now) throws IOException {
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
    JsonNode root = JsonAnswers.peek(response, context.objectMapper());
    if (root == null && (status == 401 || status == 403)) {
      // Terminal like a JSON refusal: calling it "unexpected" would let every call log in again.
      throw new AuthenticationFailedException("login refused with HTTP " + status
          + " (the answer is not JSON)");
    }
    if (root == null) {
      throw new UnexpectedAnswerException("login answer from " + context.baseUrl().host() + " (HTTP " + status
          + ", Content-Type " + response.header("Content-Type", "none") + ") is not a JSON object");
    }
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
      throw new AuthenticationFailedException("login refused with HTTP " + status);
    }
    if (status < 200 || status > 299) {
      throw new UnexpectedAnswerException("login answered HTTP " + status + (error == null ? "" : " " + error));
    }
    String token = JsonAnswers.textAt(root, config.tokenPointer());
    if (token == null || token.isBlank()) {
      throw new UnexpectedAnswerException("login answer (HTTP " + status + ") has no token at "
          + config.tokenPointer() + (error == null ? "" : "; error " + error));
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',')) {
      // OkHttp would refuse it later with an unchecked exception; never quote it, it is a secret.
      throw new UnexpectedAnswerException("login answer (HTTP " + status + ") has a token at "
          + config.tokenPointer() + " with characters a header or cookie cannot carry");
    }
    return token;
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
