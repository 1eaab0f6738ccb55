package dev.latchkey.runtime.header;

import com.fasterxml.jackson.core.JsonPointer;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.session.SessionRecipe;
import dev.latchkey.runtime.session.SessionRecipe.Answers;
import dev.latchkey.runtime.session.SessionRecipe.Body;
import dev.latchkey.runtime.session.SessionRecipe.Carrier;
import dev.latchkey.runtime.session.SessionRecipe.CarrierKind;
import dev.latchkey.runtime.session.SessionRecipe.Login;
import dev.latchkey.runtime.session.SessionRecipe.Logout;
import dev.latchkey.runtime.session.SessionRecipe.Sleeper;
import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import dev.latchkey.runtime.session.SessionRecipe.TokenIn;
import dev.latchkey.runtime.session.SessionRecipe.TokenSource;
import dev.latchkey.runtime.store.SessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a {@link HeaderScheme.Builder} collected, its validation, and the {@link SessionRecipe} it
 * makes: Basic is a session opened locally from the credentials; a declared session is a JSON
 * login whose answer's key is sent in a header. Every message names the setter or header at fault
 * and never a value: a value may be an API key.
 */
final class HeaderSchemeBuilderState {
  record SessionArgs(
      String path,
      String usernameField,
      String passwordField,
      String keyPointer,
      String keyHeader,
      Duration idleLifetime,
      String endPath) {}

  final List<StaticHeader> headers = new ArrayList<>();
  final Map<String, String> bodyFields = new LinkedHashMap<>();
  boolean basicAllowed = true;
  SessionArgs sessionArgs;
  HeaderAuthMode requestedMode;
  Set<Integer> authFailedStatus = Set.of(401, 403);
  Set<Integer> rateLimitStatus = Set.of(429, 420);
  Supplier<UserPassword> credentials;
  Duration maxRateLimitWait = Duration.ZERO;
  Sleeper sleeper;
  SessionStore sessionStore;
  Duration badPasswordBackoff = Duration.ofMinutes(5);

  // Filled by validate().
  Login session;
  HeaderAuthMode mode;

  SessionRecipe recipe() {
    validate();
    boolean headersOnly = mode == HeaderAuthMode.HEADERS;
    boolean basic = mode == HeaderAuthMode.BASIC || headersOnly;
    Carrier carrier = headersOnly
        ? Carrier.none()
        : new Carrier(
            CarrierKind.HEADER, basic ? "Authorization" : sessionArgs.keyHeader(), "{token}");
    Answers answers = new Answers(
        authFailedStatus,
        authFailedStatus,
        rateLimitStatus,
        null,
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        null,
        Set.of());
    Logout logout = basic || sessionArgs.endPath().isEmpty()
        ? null
        : new Logout("DELETE", sessionArgs.endPath().replace("{key}", "{token}"));
    return new SessionRecipe(
        "header",
        basic ? null : session,
        carrier,
        headers,
        answers,
        basic ? null : sessionArgs.idleLifetime(),
        null,
        0,
        null,
        Duration.ZERO,
        badPasswordBackoff,
        rateLimitStatus,
        maxRateLimitWait,
        sleeper,
        logout,
        null,
        headersOnly ? this::staticCredentials : credentials,
        sessionStore);
  }

  /**
   * The "credentials" of a headers-only client are its static headers: the engine remembers a
   * refusal by their fingerprint, so a refused key is not sent again until it changes (a rotated
   * token file). Only the engine sees this value; it never leaves the process.
   */
  private UserPassword staticCredentials() {
    StringBuilder values = new StringBuilder();
    for (StaticHeader header : headers) {
      values.append(header.name()).append('\0').append(header.value()).append('\0');
    }
    return new UserPassword("", values.toString());
  }

  void validate() {
    validateHeaders();
    boolean headersOnly = !basicAllowed && sessionArgs == null;
    if (credentials == null && !headersOnly) {
      throw fail(
          "credentials(..) is not set: Basic and session authentication both need a user name and password");
    }
    if (maxRateLimitWait == null || maxRateLimitWait.isNegative()) {
      throw fail("maxRateLimitWait(..) must be zero or positive");
    }
    if (badPasswordBackoff == null || badPasswordBackoff.isNegative()) {
      throw fail("badPasswordBackoff(..) must be zero or positive");
    }
    session = sessionArgs == null ? null : sessionSpec();
    if (session == null && !bodyFields.isEmpty()) {
      throw fail("sessionBodyField(..) was given but no session(..) is declared");
    }
    mode = requestedMode != null
        ? requestedMode
        : session != null
            ? HeaderAuthMode.SESSION
            : headersOnly ? HeaderAuthMode.HEADERS : HeaderAuthMode.BASIC;
    if (mode == HeaderAuthMode.HEADERS && headers.isEmpty()) {
      throw fail("mode(HEADERS) needs at least one header(..): nothing else authenticates");
    }
    if (mode == HeaderAuthMode.SESSION && session == null) {
      throw fail("mode(SESSION) needs a session(..) declaration");
    }
    if (sessionStore != null && session == null) {
      throw fail("sessionStore(..) was given but no session(..) is declared:"
          + " Basic keeps nothing to share");
    }
    if (mode == HeaderAuthMode.BASIC && !basicAllowed) {
      throw fail("mode(BASIC) is not allowed: this API declares basicAllowed(false)");
    }
  }

  private void validateHeaders() {
    Set<String> names = new HashSet<>();
    Set<String> setters = new HashSet<>();
    for (StaticHeader header : headers) {
      requireToken(header.name(), "header name");
      if (header.setter() == null) {
        throw fail("header " + header.name() + " has no setter name (empty for a fixed value)");
      }
      if (!names.add(header.name().toLowerCase(java.util.Locale.ROOT))) {
        throw fail("header " + header.name() + " is declared twice");
      }
      if (!header.setter().isEmpty() && !setters.add(header.setter())) {
        throw fail("setter " + header.setter() + "(..) is declared for two headers");
      }
      if (header.format() == null || !header.format().contains("{value}")) {
        throw fail("header " + header.name() + ": format must contain {value}");
      }
      header.value(); // a missing or unusable value fails now, naming the setter
    }
  }

  private Login sessionSpec() {
    SessionArgs a = sessionArgs;
    if (a.path() == null || a.path().isBlank()) {
      throw fail("session(..) needs a path");
    }
    pointer(a.usernameField(), "session usernameField");
    pointer(a.passwordField(), "session passwordField");
    pointer(a.keyPointer(), "session keyPointer");
    requireToken(a.keyHeader(), "session keyHeader");
    if (a.idleLifetime() != null
        && (a.idleLifetime().isNegative() || a.idleLifetime().isZero())) {
      throw fail("session idle lifetime must be positive, not " + a.idleLifetime());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(a.usernameField(), Login.USER);
    fields.put(a.passwordField(), Login.PASSWORD);
    for (Map.Entry<String, String> field : bodyFields.entrySet()) {
      pointer(field.getKey(), "sessionBodyField");
      StaticHeader source = headers.stream()
          .filter(h -> h.setter().equals(field.getValue()))
          .findFirst()
          .orElseThrow(() -> fail("sessionBodyField(" + field.getKey() + ", " + field.getValue()
              + ") names no declared header setter; declared: " + headers));
      fields.put(field.getKey(), "{" + source.setter() + "}"); // asked at each session creation
    }
    return new Login(
        "POST",
        a.path(),
        Body.JSON,
        fields,
        Map.of(),
        false,
        null,
        new TokenSource(TokenIn.POINTER, a.keyPointer()),
        null,
        false);
  }

  private static void pointer(String pointer, String what) {
    if (pointer == null || !pointer.startsWith("/")) {
      throw fail(what + " must be a JSON pointer starting with '/', not '" + pointer + "'");
    }
    try {
      JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw fail(what + " is not a JSON pointer: '" + pointer + "'");
    }
  }

  private static void requireToken(String name, String what) {
    // RFC 9110 section 5.6.2: a field name is a token.
    if (name == null || name.isEmpty() || !isToken(name)) {
      throw fail(what + " '" + name + "' is not a valid HTTP header name");
    }
  }

  /** A loop, not a stream: a stream's classes are a cold start's cost (issue 17). */
  private static boolean isToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  static Set<Integer> statuses(String what, int... statuses) {
    Set<Integer> set = new HashSet<>();
    for (int status : statuses) {
      if (status < 100 || status > 599) {
        throw fail(what + "(..): " + status + " is not an HTTP status");
      }
      set.add(status);
    }
    return set;
  }

  private static LatchkeyConfigException fail(String message) {
    return new LatchkeyConfigException("HeaderScheme: " + message);
  }
}
