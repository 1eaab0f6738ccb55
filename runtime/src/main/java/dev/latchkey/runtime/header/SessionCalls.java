package dev.latchkey.runtime.header;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.RateLimitedException;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.Origin;
import dev.latchkey.runtime.http.SecretBody;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The two session calls, made synchronously on the plain client: {@code POST path} with the
 * credentials (MediaSilo: {@code {"userName":..,"password":..,"accountName":..}}, answer {@code
 * {"id":..}}, unknown fields ignored) and, on close, {@code DELETE endPath}. Both carry the static
 * headers, which the server checks on every request.
 */
final class SessionCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  /** Bounds how long callers waiting for a session can wait when the user set no call timeout. */
  private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** A session answer is a small object; a hostile server must not make us buffer megabytes. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final HeaderScheme scheme;
  private final SessionSpec spec;
  private final AuthContext context;
  private final OkHttpClient client;
  private final Diagnosis diagnosis;

  SessionCalls(HeaderScheme scheme, AuthContext context, OkHttpClient client) {
    this.scheme = scheme;
    this.spec = scheme.session();
    this.context = context;
    this.client = client.callTimeoutMillis() > 0
        ? client
        : client.newBuilder().callTimeout(DEFAULT_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).build();
    this.diagnosis = new Diagnosis(scheme.headers());
  }

  /** Creates a session and returns its key. */
  String create() throws IOException {
    UserPassword credentials = HeaderInterceptor.credentials(scheme, context);
    // One-shot: OkHttp would follow a 307/308 with the body, the password, to any host.
    SecretBody body = new SecretBody(body(credentials), JSON_TYPE);
    Request request = new Request.Builder()
        .url(context.baseUrl().resolve(spec.path()))
        .headers(staticHeaders())
        .post(body)
        .build();
    try (Response response = client.newCall(request).execute()) {
      if (!Origin.of(context.baseUrl()).matches(response.request().url())) {
        emit(AuthEvent.Type.LOGIN_FAILED, "session call redirected to another origin");
        throw new UnexpectedAnswerException(who() + ": creating a session was redirected to "
            + response.request().url().host() + "; its answer is not ours to read");
      }
      return keyFrom(response, credentials);
    } catch (IOException e) {
      if (!(e instanceof dev.latchkey.runtime.LatchkeyException)) {
        emit(AuthEvent.Type.LOGIN_FAILED, "session call failed: " + e.getClass().getSimpleName());
      }
      throw e;
    } finally {
      body.wipe();
    }
  }

  private byte[] body(UserPassword credentials) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    char[] password = credentials.password();
    try {
      put(root, spec.usernameField(), credentials.user());
      put(root, spec.passwordField(), new String(password));
      for (Map.Entry<String, DeclaredHeader> field : spec.bodyFields().entrySet()) {
        put(root, field.getKey(), field.getValue().value());
      }
      return JSON.writeValueAsBytes(root);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** Sets {@code value} at {@code pointer}, creating the objects on the way ("/auth/username"). */
  private static void put(ObjectNode root, String pointer, String value) {
    ObjectNode node = root;
    JsonPointer p = JsonPointer.compile(pointer);
    while (!p.tail().matches()) {
      node = node.withObjectProperty(p.getMatchingProperty());
      p = p.tail();
    }
    node.put(p.getMatchingProperty(), value);
  }

  private String keyFrom(Response response, UserPassword credentials) throws IOException {
    int code = response.code();
    if (response.isSuccessful()) {
      JsonNode key;
      byte[] answer = response.peekBody(MAX_ANSWER_BYTES + 1L).bytes();
      if (answer.length > MAX_ANSWER_BYTES) {
        emit(AuthEvent.Type.LOGIN_FAILED, "session answer too large");
        throw new UnexpectedAnswerException(who() + ": the session answer (HTTP " + code
            + ") is over " + MAX_ANSWER_BYTES + " bytes; a session answer is a small JSON object");
      }
      try {
        JsonNode tree = JSON.readTree(answer);
        key = tree == null ? null : tree.at(spec.keyPointer());
      } catch (IOException e) {
        emit(AuthEvent.Type.LOGIN_FAILED, "session answer is not JSON");
        throw new UnexpectedAnswerException(who() + ": the session answer (HTTP " + code + ") is not JSON");
      }
      if (key == null || !(key.isTextual() || key.isNumber()) || key.asText().isBlank()) {
        emit(AuthEvent.Type.LOGIN_FAILED, "session answer has no key");
        throw new UnexpectedAnswerException(
            who() + ": the session answer (HTTP " + code + ") has no key at " + spec.keyPointer());
      }
      String value = key.asText();
      if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        // OkHttp would reject it later with a message quoting the value, and the key is a secret.
        emit(AuthEvent.Type.LOGIN_FAILED, "session key unusable in a header");
        throw new UnexpectedAnswerException(
            who() + ": the session key at " + spec.keyPointer() + " holds characters a header cannot carry");
      }
      emit(AuthEvent.Type.LOGIN, "session created for user " + credentials.user());
      return value;
    }
    if (scheme.isRateLimited(code)) {
      Duration wait = RetryAfter.parse(response.header("Retry-After"), context.clock().instant()).orElse(Duration.ZERO);
      emit(AuthEvent.Type.THROTTLED, "session creation rate limited (HTTP " + code + ")");
      throw new RateLimitedException(who() + ": session creation was rate limited with HTTP " + code, wait);
    }
    emit(AuthEvent.Type.LOGIN_FAILED, "session creation refused with HTTP " + code);
    String reason = diagnosis.serverReason(response, List.of(new String(credentials.password())));
    if (scheme.isAuthFailed(code)) {
      throw new AuthenticationFailedException(who() + ": creating a session (POST " + spec.path() + ") for user '"
          + credentials.user() + "' was refused with HTTP " + code + reason + "; " + diagnosis.whatToCheck(true));
    }
    throw new UnexpectedAnswerException(
        who() + ": creating a session (POST " + spec.path() + ") answered HTTP " + code + reason);
  }

  /** Ends {@code session} if the API declares how; failures are reported as events and ignored. */
  void end(Session session) {
    if (!spec.hasEndPath()) {
      return;
    }
    String key = URLEncoder.encode(session.key(), StandardCharsets.UTF_8).replace("+", "%20");
    Request request = new Request.Builder()
        .url(context.baseUrl().resolve(spec.endPath().replace("{key}", key)))
        .headers(staticHeaders())
        .header(spec.keyHeader(), session.key())
        .delete()
        .build();
    try (Response response = client.newCall(request).execute()) {
      emit(AuthEvent.Type.LOGGED_OUT, "session generation " + session.generation() + " ended with HTTP " + response.code());
    } catch (IOException | RuntimeException e) {
      // Ending is a courtesy: the server expires the session anyway after its idle lifetime.
      emit(AuthEvent.Type.NOTICE, "ending the session failed: " + e.getClass().getSimpleName());
    }
  }

  Headers staticHeaders() {
    Headers.Builder headers = new Headers.Builder();
    for (DeclaredHeader header : scheme.headers()) {
      headers.set(header.name(), header.headerValue());
    }
    return headers.build();
  }

  private void emit(AuthEvent.Type type, String detail) {
    context.emit(type, context.baseUrl().host(), detail);
  }

  private String who() {
    return context.clientName();
  }
}
