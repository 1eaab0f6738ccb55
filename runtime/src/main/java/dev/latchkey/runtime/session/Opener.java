package dev.latchkey.runtime.session;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.runtime.AccountUnusableException;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.Mappers;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.SecretBody;
import dev.latchkey.runtime.http.ServerText;
import dev.latchkey.runtime.session.SessionRecipe.Body;
import dev.latchkey.runtime.session.SessionRecipe.Login;
import dev.latchkey.runtime.session.SessionRecipe.TokenIn;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The per-kind part of the engine, driven by the {@link SessionRecipe}: opens a session (one login
 * call, or locally for HTTP Basic) and reads its answer, and ends it on close. Login calls run
 * synchronously on the plain client: never through the authenticated client's dispatcher, where
 * the calls waiting for this login may hold every slot (apis.md, "what existing clients get
 * wrong"). Every message quotes server text only through {@link Bodies#reason}.
 */
final class Opener {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final MediaType FORM_TYPE = MediaType.get("application/x-www-form-urlencoded");
  private static final MediaType TEXT_TYPE = MediaType.get("text/plain; charset=utf-8");
  /**
   * Bounds a login when the user set no call timeout: OkHttp's read timeout restarts on every
   * byte, so a server that drips its answer would otherwise hold the login, and every caller
   * waiting for it, for as long as it likes.
   */
  static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** When a throttle answer names no time, wait one budget window (or a minute without one). */
  private static final Duration DEFAULT_THROTTLE = Duration.ofMinutes(1);
  /** Longest throttle wait we believe; a larger Retry-After is capped, not an overflow. */
  private static final Duration MAX_THROTTLE = Duration.ofDays(1);

  /**
   * What a login gave: the token, when the server said it ends ({@link Long#MAX_VALUE}: not said),
   * and the second (CSRF) value, or null.
   */
  record Opened(String token, long endsAtMillis, String csrf) {}

  private final SessionRecipe recipe;
  private final Login login;
  /**
   * Reads {@code @Xml} login answers (pointers address the tree without the root element); null
   * for JSON. Made per client and only for XML, since Jackson XML is an optional dependency: a
   * JSON-only class path must never resolve it (issue 15).
   */
  private final ObjectMapper xml;

  private final AuthContext context;
  private final OkHttpClient client;
  private final Diagnosis diagnosis;
  private final Carry carry;
  private final JsonPointer tokenPointer;
  private final JsonPointer expiresPointer;
  private final JsonPointer errorPointer;
  private final JsonPointer throttlePointer;

  Opener(
      SessionRecipe recipe,
      AuthContext context,
      OkHttpClient client,
      Diagnosis diagnosis,
      Carry carry) {
    this.recipe = recipe;
    this.login = recipe.login();
    this.xml = login != null && login.xml() ? Mappers.xml() : null;
    this.context = context;
    this.client = client.callTimeoutMillis() > 0
        ? client
        : client.newBuilder().callTimeout(DEFAULT_CALL_TIMEOUT).build();
    this.diagnosis = diagnosis;
    this.carry = carry;
    boolean pointer = login != null && login.token().in() == TokenIn.POINTER;
    this.tokenPointer = pointer ? Bodies.pointer(login.token().name()) : null;
    this.expiresPointer = login == null ? null : Bodies.pointer(login.expiresInPointer());
    this.errorPointer = Bodies.pointer(recipe.answers().errorPointer());
    this.throttlePointer = Bodies.pointer(recipe.answers().throttleCodePointer());
  }

  /** The longest a login call may take: what bounds every caller waiting for it. */
  long callTimeoutMillis() {
    return client.callTimeoutMillis();
  }

  /** Opens a session for {@code credentials}; throws a typed failure otherwise. */
  Opened open(UserPassword credentials, long now) throws IOException {
    if (login == null) {
      // Basic: the credentials are the session; headers only: the static headers are, no token
      boolean headersOnly = recipe.carrier().kind() == SessionRecipe.CarrierKind.NONE;
      return new Opened(headersOnly ? "" : basic(credentials), Long.MAX_VALUE, null);
    }
    RequestBody body = body(credentials, now);
    Request.Builder request = new Request.Builder()
        .url(context.baseUrl().resolve(login.path()))
        .method(login.method(), body);
    carry.staticHeaders(request);
    if (login.basic()) {
      request.header("Authorization", basic(credentials));
    }
    try (Response response = client.newCall(request.build()).execute()) {
      return read(response, credentials, now);
    } finally {
      if (body instanceof SecretBody secret) {
        secret.wipe(); // the password (or signed JWT) does not stay in this copy
      }
    }
  }

  private static String basic(UserPassword credentials) {
    char[] password = credentials.password();
    try {
      return Credentials.basic(credentials.user(), new String(password), StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** One-shot ({@link SecretBody}): OkHttp would follow a 307/308 with the password to any host. */
  private RequestBody body(UserPassword credentials, long now) throws LatchkeyException {
    if (login.signed() != null) {
      try {
        return new SecretBody(login.signed().sign(now), TEXT_TYPE);
      } catch (GeneralSecurityException e) {
        throw new LatchkeyException("cannot sign the login: " + e.getClass().getSimpleName());
      }
    }
    if (login.body() == Body.NONE) {
      return login.method().equals("GET") ? null : RequestBody.create(new byte[0], null);
    }
    char[] password = credentials.password();
    try {
      String pw = new String(password);
      Map<String, String> headers = headerValues();
      if (login.body() == Body.FORM) {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> field : login.fields().entrySet()) {
          form.append(form.length() == 0 ? "" : "&")
              .append(encode(field.getKey()))
              .append('=')
              .append(encode(value(field.getValue(), credentials.user(), pw, headers)));
        }
        return new SecretBody(form.toString().getBytes(StandardCharsets.UTF_8), FORM_TYPE);
      }
      ObjectNode root = jsonBody(login.fields(), login.literals(), credentials.user(), pw, headers);
      return new SecretBody(context.treeMapper().writeValueAsBytes(root), JSON_TYPE);
    } catch (IOException e) {
      throw new LatchkeyException("cannot write the login body", e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static String value(
      String template, String user, String password, Map<String, String> headers) {
    return switch (template) {
      case Login.USER -> user;
      case Login.PASSWORD -> password;
      default -> fill(template, headers);
    };
  }

  /** {@code {setter}} in a field value stands for that static header's value (Latchkey's own syntax). */
  private static final java.util.regex.Pattern SETTER =
      java.util.regex.Pattern.compile("\\{([^{}]*)\\}");

  private static String fill(String template, Map<String, String> headers) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    java.util.regex.Matcher matcher = SETTER.matcher(template);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String value = headers.get(matcher.group(1));
      matcher.appendReplacement(
          result,
          java.util.regex.Matcher.quoteReplacement(value == null ? matcher.group() : value));
    }
    return matcher.appendTail(result).toString();
  }

  /** Each static header's value by its setter, as the suppliers give them now. */
  private Map<String, String> headerValues() throws LatchkeyException {
    Map<String, String> values = new java.util.HashMap<>();
    for (SessionRecipe.StaticHeader header : recipe.headers()) {
      if (!header.setter().isEmpty()) {
        try {
          values.put(header.setter(), header.value());
        } catch (dev.latchkey.runtime.LatchkeyConfigException e) {
          throw new LatchkeyException(e.getMessage());
        }
      }
    }
    return values;
  }

  /** A JSON body: text fields (templates) and literal fields, each at its pointer. */
  private ObjectNode jsonBody(
      Map<String, String> fields,
      Map<String, String> literals,
      String user,
      String password,
      Map<String, String> headers)
      throws IOException {
    ObjectNode root = context.treeMapper().createObjectNode();
    for (Map.Entry<String, String> field : literals.entrySet()) {
      put(
          root,
          JsonPointer.compile(field.getKey()),
          context.treeMapper().readTree(field.getValue()));
    }
    for (Map.Entry<String, String> field : fields.entrySet()) {
      put(
          root,
          JsonPointer.compile(field.getKey()),
          com.fasterxml.jackson.databind.node.TextNode.valueOf(
              value(field.getValue(), user, password, headers)));
    }
    return root;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Sets {@code value} at {@code pointer}, creating the objects on the way ({@code /auth/username}). */
  private static void put(ObjectNode root, JsonPointer pointer, JsonNode value) {
    ObjectNode node = root;
    JsonPointer p = pointer;
    while (!p.tail().matches()) {
      node = node.withObjectProperty(p.getMatchingProperty());
      p = p.tail();
    }
    node.set(p.getMatchingProperty(), value);
  }

  private Opened read(Response response, UserPassword credentials, long now) throws IOException {
    int status = response.code();
    String what = diagnosis.who() + ": login (" + login.method() + " " + login.path() + ")";
    if (!context.origins().contains(response.request().url())) {
      throw new UnexpectedAnswerException(what + " was redirected to another origin ("
          + ServerText.quote(response.request().url().host(), 64, context.redactor())
          + "); its answer is not ours to read");
    }
    if (status >= 300 && status < 400) {
      // OkHttp does not follow 307/308 with a one-shot body: the password stays with us.
      throw new UnexpectedAnswerException(what + " answered a redirect (HTTP " + status
          + "); the login is never sent again elsewhere");
    }
    SessionRecipe.Answers answers = recipe.answers();
    if (answers.throttleStatus().contains(status)) {
      throw throttled(response, now, "HTTP " + status);
    }
    byte[] bytes = Bodies.peek(response);
    JsonNode root = xml != null ? xml(bytes) : Bodies.json(bytes, context.treeMapper());
    String code = Bodies.textAt(root, throttlePointer);
    if (code != null && answers.throttleCodes().contains(code)) {
      throw throttled(response, now, ServerText.quote(code, 64, context.redactor()));
    }
    String error = Bodies.textAt(root, errorPointer);
    // Server text, quoted only cleaned, masked and cut: a server may echo the login body (defect
    // 6).
    String shown = error == null ? "" : " " + ServerText.quote(error, 64, context.redactor());
    if (error != null && answers.terminalErrors().contains(error)) {
      throw new AccountUnusableException(
          error, what + " refused: account unusable (" + shown.trim() + ")");
    }
    if ((error != null && answers.badCredentialErrors().contains(error))
        || answers.refusedStatus().contains(status)) {
      throw new AuthenticationFailedException(
          what + " for user '" + credentials.user() + "' was refused with HTTP "
              + status + shown + Bodies.reason(response, context.redactor()) + "; "
              + diagnosis.whatToCheck(true));
    }
    if (status < 200 || status > 299) {
      throw new UnexpectedAnswerException(what + " answered HTTP " + status + shown
          + (error == null ? Bodies.reason(response, context.redactor()) : ""));
    }
    if (bytes == null && response.body().contentLength() > Bodies.PEEK_LIMIT && readsBody()) {
      throw new UnexpectedAnswerException(
          what + " answered over " + Bodies.PEEK_LIMIT + " bytes; a login answer is small");
    }
    String token = token(response, root, bytes);
    if (token == null || token.isBlank()) {
      throw new UnexpectedAnswerException(what + " answer (HTTP " + status + ", Content-Type "
          + ServerText.quote(response.header("Content-Type", "none"), 64, context.redactor())
          + ") has no key at "
          + login.token().name()
          + (error == null ? "" : "; error" + shown));
    }
    if (!Diagnosis.carriable(token)) {
      // OkHttp would refuse it later with an unchecked exception quoting it; it is a secret.
      throw new UnexpectedAnswerException(what + " answer (HTTP " + status + ") has a token at "
          + login.token().name() + " with characters a header or cookie cannot carry");
    }
    String csrf = null;
    if (recipe.csrf() != null) {
      csrf = found(response, root, recipe.csrf().source());
      if (csrf == null || csrf.isBlank() || !Diagnosis.carriable(csrf)) {
        throw new UnexpectedAnswerException(
            what + " answer (HTTP " + status + ") has no usable value for "
                + recipe.csrf().header() + " at " + recipe.csrf().source().name());
      }
    }
    String expiresIn = Bodies.textAt(root, expiresPointer);
    long ends = Long.MAX_VALUE;
    if (expiresIn != null) {
      try {
        ends = now
            + Math.min(Long.parseLong(expiresIn.trim()), MAX_THROTTLE.toSeconds() * 365) * 1000L;
      } catch (NumberFormatException e) {
        context.emit(
            AuthEvent.Type.NOTICE,
            context.baseUrl().host(),
            "login answer's lifetime is not a number");
      }
    }
    return new Opened(token, ends, csrf);
  }

  /** Whether reading the login answer needs its body (a token, lifetime or CSRF value in it). */
  private boolean readsBody() {
    TokenIn in = login.token().in();
    return in == TokenIn.POINTER
        || in == TokenIn.WHOLE_ANSWER
        || expiresPointer != null
        || (recipe.csrf() != null && recipe.csrf().source().in() == TokenIn.POINTER);
  }

  private JsonNode xml(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return xml.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  /** A value the login answer gives at a pointer, in a header or in a cookie (the CSRF value). */
  private static String found(Response response, JsonNode root, SessionRecipe.TokenSource source) {
    return switch (source.in()) {
      case POINTER -> Bodies.textAt(root, Bodies.pointer(source.name()));
      case HEADER -> response.header(source.name());
      case COOKIE -> cookie(response, source.name());
      case WHOLE_ANSWER -> null;
    };
  }

  /** RFC 6265 section 4.1.1 allows a DQUOTE-wrapped cookie value; the quotes are not the value. */
  private static String cookie(Response response, String name) {
    return Cookie.parseAll(response.request().url(), response.headers()).stream()
        .filter(c -> c.name().equals(name) && !c.value().isEmpty())
        .map(Cookie::value)
        .map(v -> v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
            ? v.substring(1, v.length() - 1)
            : v)
        .findFirst()
        .orElse(null);
  }

  private String token(Response response, JsonNode root, byte[] bytes) {
    String name = login.token().name();
    return switch (login.token().in()) {
      case POINTER -> Bodies.textAt(root, tokenPointer);
      case HEADER -> response.header(name);
      case COOKIE -> cookie(response, name);
      case WHOLE_ANSWER -> {
        if (bytes == null) {
          yield null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        // vCenter answers a bare JSON string
        yield text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
            ? text.substring(1, text.length() - 1)
            : text;
      }
    };
  }

  private LoginThrottledException throttled(Response response, long now, String why) {
    Duration wait = Bodies.retryAfter(response.header("Retry-After"), now);
    if (wait == null) {
      wait = recipe.loginWindow() != null ? recipe.loginWindow() : DEFAULT_THROTTLE;
    }
    if (wait.compareTo(MAX_THROTTLE) > 0) {
      wait = MAX_THROTTLE;
    }
    return new LoginThrottledException(
        diagnosis.who() + ": the server throttled the login (" + why + ")",
        Instant.ofEpochMilli(now + wait.toMillis()));
  }

  /** Ends {@code session} if the API declares how; failures are reported as events and ignored. */
  void logout(Session session) {
    SessionRecipe.Logout logout = recipe.logout();
    if (logout == null || session.local) {
      return;
    }
    String token = URLEncoder.encode(session.token, StandardCharsets.UTF_8).replace("+", "%20");
    boolean hasBody = !logout.method().equals("GET") && !logout.method().equals("DELETE");
    try {
      RequestBody body = null;
      if (hasBody) {
        // The contract: a POST or PUT logout sends {} unless fields are declared (Zabbix
        // user.logout).
        body = RequestBody.create(
            context
                .treeMapper()
                .writeValueAsBytes(
                    jsonBody(logout.fields(), logout.literals(), "", "", headerValues())),
            JSON_TYPE);
      }
      Request.Builder request = new Request.Builder()
          .url(context.baseUrl().resolve(logout.path().replace("{token}", token)))
          .method(logout.method(), body);
      carry.staticHeaders(request);
      carry.withToken(request, request.build(), session.token);
      carry.csrf(request, logout.method(), session);
      end(request.build(), session);
    } catch (IOException | RuntimeException e) {
      context.emit(
          AuthEvent.Type.NOTICE,
          context.baseUrl().host(),
          "ending the session failed: " + e.getClass().getSimpleName());
    }
  }

  private void end(Request request, Session session) {
    try (Response response = client.newCall(request).execute()) {
      context.emit(
          AuthEvent.Type.LOGGED_OUT,
          context.baseUrl().host(),
          "session generation " + session.generation + " ended with HTTP " + response.code());
    } catch (IOException | RuntimeException e) {
      // Ending is a courtesy: the server expires the session anyway.
      context.emit(
          AuthEvent.Type.NOTICE,
          context.baseUrl().host(),
          "ending the session failed: " + e.getClass().getSimpleName());
    }
  }
}
