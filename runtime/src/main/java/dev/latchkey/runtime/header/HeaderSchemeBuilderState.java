package dev.latchkey.runtime.header;

import com.fasterxml.jackson.core.JsonPointer;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.UserPassword;
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
 * What a {@link HeaderScheme.Builder} collected, and its validation. Every message names the
 * setter or header at fault and never a value: a value may be an API key.
 */
final class HeaderSchemeBuilderState {
  record SessionArgs(String path, String usernameField, String passwordField, String keyPointer,
      String keyHeader, Duration idleLifetime, String endPath) {}

  final List<DeclaredHeader> headers = new ArrayList<>();
  final Map<String, String> bodyFields = new LinkedHashMap<>();
  boolean basicAllowed = true;
  SessionArgs sessionArgs;
  HeaderAuthMode requestedMode;
  Set<Integer> authFailedStatus = Set.of(401, 403);
  Set<Integer> rateLimitStatus = Set.of(429, 420);
  Supplier<UserPassword> credentials;
  Duration maxRateLimitWait = Duration.ZERO;
  Sleeper sleeper = Sleeper.THREAD;
  SessionStore sessionStore;

  // Filled by validate().
  SessionSpec session;
  HeaderAuthMode mode;

  void validate() {
    validateHeaders();
    boolean headersOnly = !basicAllowed && sessionArgs == null;
    if (credentials == null && !headersOnly) {
      throw fail("credentials(..) is not set: Basic and session authentication both need a user name and password");
    }
    if (maxRateLimitWait == null || maxRateLimitWait.isNegative()) {
      throw fail("maxRateLimitWait(..) must be zero or positive");
    }
    if (sleeper == null) {
      throw fail("sleeper must not be null");
    }
    session = sessionArgs == null ? null : sessionSpec();
    if (session == null && !bodyFields.isEmpty()) {
      throw fail("sessionBodyField(..) was given but no session(..) is declared");
    }
    mode = requestedMode != null ? requestedMode
        : session != null ? HeaderAuthMode.SESSION
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
    for (DeclaredHeader header : headers) {
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

  private SessionSpec sessionSpec() {
    SessionArgs a = sessionArgs;
    if (a.path() == null || a.path().isBlank()) {
      throw fail("session(..) needs a path");
    }
    pointer(a.usernameField(), "session usernameField");
    pointer(a.passwordField(), "session passwordField");
    pointer(a.keyPointer(), "session keyPointer");
    requireToken(a.keyHeader(), "session keyHeader");
    if (a.idleLifetime() != null && (a.idleLifetime().isNegative() || a.idleLifetime().isZero())) {
      throw fail("session idle lifetime must be positive, not " + a.idleLifetime());
    }
    Map<String, DeclaredHeader> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : bodyFields.entrySet()) {
      pointer(field.getKey(), "sessionBodyField");
      DeclaredHeader source = headers.stream()
          .filter(h -> h.setter().equals(field.getValue()))
          .findFirst()
          .orElseThrow(() -> fail("sessionBodyField(" + field.getKey() + ", " + field.getValue()
              + ") names no declared header setter; declared: " + headers));
      fields.put(field.getKey(), source);
    }
    return new SessionSpec(a.path(), a.usernameField(), a.passwordField(), a.keyPointer(), a.keyHeader(),
        a.idleLifetime(), a.endPath(), Map.copyOf(fields));
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
    if (name == null || name.isEmpty()
        || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0)) {
      throw fail(what + " '" + name + "' is not a valid HTTP header name");
    }
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
