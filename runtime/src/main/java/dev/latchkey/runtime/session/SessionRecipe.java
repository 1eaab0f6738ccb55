package dev.latchkey.runtime.session;

import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.store.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything the session engine needs to know about one session API, as data: how to open a
 * session ({@link Login}), where the token comes back ({@link TokenSource}), how it is sent on each
 * call ({@link Carrier}), how answers are read ({@link Answers}), lifetimes, the login budget and
 * logout. {@code TokenScheme} and {@code HeaderScheme} build one from their builders; the engine
 * has no other knowledge of either kind. Internal: not for users, whose API is the two schemes.
 *
 * @param kind {@code token} or {@code header}: part of the store key and of events
 * @param login how a session is opened; {@code null} for HTTP Basic, where the credentials
 *     themselves are the session, made locally and never stored
 * @param carrier how the token travels on every call
 * @param headers static headers sent on every call to the credential's origins and on the login
 * @param answers how the login answer and ordinary answers are read
 * @param idleLifetime the session dies this long after its last use; null: unknown
 * @param hardLifetime the session dies this long after its login; null: unknown
 * @param loginLimit at most this many logins in any {@code loginWindow} (0: no budget)
 * @param loginWindow the budget's sliding window; null without a budget
 * @param maxThrottleWait how long a call may wait for the login budget
 * @param badPasswordBackoff how long a refused credential is not tried again
 * @param rateLimitStatus statuses of ordinary calls meaning "rate limited"
 * @param maxRateLimitWait the longest {@code Retry-After} waited out once by the engine itself
 * @param sleeper how rate-limit waits sleep (a test hook); null: the call-bounded default
 * @param logout the call ending the session on close; null: none
 * @param csrf a second value from the login answer sent on later calls; null: none
 * @param credentials the user's supplier; for a JWT login it supplies the key's user only
 * @param store the store the user shares sessions and the login window through; null: each
 *     installed client gets its own in-memory store (and ends its session when it closes, which a
 *     client sharing a store does not, as others may use the session)
 */
public record SessionRecipe(
    String kind,
    Login login,
    Carrier carrier,
    List<StaticHeader> headers,
    Answers answers,
    Duration idleLifetime,
    Duration hardLifetime,
    int loginLimit,
    Duration loginWindow,
    Duration maxThrottleWait,
    Duration badPasswordBackoff,
    Set<Integer> rateLimitStatus,
    Duration maxRateLimitWait,
    Sleeper sleeper,
    Logout logout,
    Csrf csrf,
    Supplier<UserPassword> credentials,
    SessionStore store) {

  public SessionRecipe {
    headers = List.copyOf(headers);
    rateLimitStatus = Set.copyOf(rateLimitStatus);
  }

  /** How a login body is written. */
  public enum Body {
    JSON,
    FORM,
    NONE
  }

  /**
   * The login call.
   *
   * @param method HTTP method, {@code POST} usually
   * @param path relative to the base URL
   * @param body the body's format; ignored when {@code signed} is set
   * @param fields body fields: a JSON pointer (JSON) or a name (FORM) to a text value, where the
   *     values {@value #USER} and {@value #PASSWORD} stand for the credentials and {@code {setter}}
   *     inside a value for the value of the static header of that setter
   * @param literals JSON body fields whose values are JSON literals (numbers, booleans, arrays),
   *     JSON pointer to JSON text, checked when the recipe is made
   * @param basic whether the login carries the credentials as HTTP Basic
   * @param signed a body made by code instead (a signed JWT); null for {@code body}
   * @param token where the token is in the answer
   * @param expiresInPointer JSON pointer of the token's lifetime in seconds; null: none
   * @param xml whether the login answer is XML (pointers then address the tree Jackson reads,
   *     without the root element)
   */
  public record Login(
      String method,
      String path,
      Body body,
      Map<String, String> fields,
      Map<String, String> literals,
      boolean basic,
      SignedBody signed,
      TokenSource token,
      String expiresInPointer,
      boolean xml) {
    /** Stands for the user name in {@link #fields}. */
    public static final String USER = "{user}";
    /** Stands for the password in {@link #fields}. */
    public static final String PASSWORD = "{password}";

    public Login {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
      literals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(literals));
    }
  }

  /** A login body made by code at login time: a signed JWT. */
  @FunctionalInterface
  public interface SignedBody {
    /** The body bytes, as {@code text/plain}, for a login at {@code nowMillis}. */
    byte[] sign(long nowMillis) throws java.security.GeneralSecurityException;
  }

  /** Where the token is in the login answer. */
  public enum TokenIn {
    POINTER,
    HEADER,
    COOKIE,
    WHOLE_ANSWER
  }

  /** @param in where; @param name the JSON pointer, header or cookie name (unused for the whole answer) */
  public record TokenSource(TokenIn in, String name) {}

  /**
   * How the token travels on each call; {@code NONE} for a client whose static headers are the
   * whole authentication (an API key, a bearer token): it opens no session and sends no token.
   */
  public enum CarrierKind {
    HEADER,
    COOKIE,
    QUERY,
    NONE
  }

  /**
   * @param kind header, cookie or query parameter
   * @param name its name
   * @param format the header value, {@code {token}} standing for the token (headers only)
   */
  public record Carrier(CarrierKind kind, String name, String format) {
    /** The value sent for {@code token}. */
    String value(String token) {
      return kind == CarrierKind.HEADER ? format.replace("{token}", token) : token;
    }

    /** The carrier of a headers-only client: nothing. */
    public static Carrier none() {
      return new Carrier(CarrierKind.NONE, null, null);
    }
  }

  /**
   * A header sent on every call: {@code format} with {@code {value}} replaced by what {@code
   * source} gives, asked on every use, so a value that rotates (a Kubernetes token file) needs no
   * rebuild.
   *
   * @param name the header name
   * @param setter the builder setter that gave its value (named in messages); empty for a fixed value
   * @param secret whether the value is a secret (an API key): never shown, always masked
   * @param format how the header is written, {@code {value}} standing for the value
   * @param source gives the value
   */
  public record StaticHeader(
      String name, String setter, boolean secret, String format, Supplier<String> source) {

    /**
     * The value as the setter gave it; a missing, blank or non-printable value fails naming the
     * setter, never quoting the value (it may be an API key).
     */
    public String value() {
      String value = source == null ? null : source.get();
      if (value == null || value.isBlank()) {
        throw new dev.latchkey.runtime.LatchkeyConfigException(
            who() + " is not set: header " + name + " needs a value");
      }
      // OkHttp would reject such a value with a message quoting it; we must not quote an API key.
      // A loop, not a stream: this runs for every header of every call (issue 17).
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
          throw new dev.latchkey.runtime.LatchkeyConfigException(
              who() + " holds a character that is not allowed in" + " header " + name
                  + " (only printable ASCII); the value is not shown");
        }
      }
      return value;
    }

    private String who() {
      return setter.isEmpty() ? "header " + name : setter + "(..)";
    }

    /** The header's value on the wire. */
    public String headerValue() {
      return headerValue(value());
    }

    /** The header as {@code value} (what {@link #value()} gave) writes it on the wire. */
    public String headerValue(String value) {
      return format.replace("{value}", value);
    }

    @Override
    public String toString() {
      return name + "(" + setter + (secret ? ", secret" : "") + ")";
    }
  }

  /**
   * How answers are read.
   *
   * @param sessionGoneStatus statuses of an ordinary call meaning "session gone"
   * @param refusedStatus statuses of the login meaning "credentials refused"
   * @param throttleStatus statuses of the login meaning "throttled"
   * @param errorPointer JSON pointer of an error identifier, peeked on every answer; null: none
   * @param sessionGoneErrors error identifiers meaning "session gone"
   * @param badCredentialErrors login error identifiers meaning a wrong password
   * @param terminalErrors error identifiers meaning an unusable account
   * @param forbiddenErrors error identifiers meaning "not allowed"
   * @param throttleCodePointer JSON pointer of a throttle code in login answers; null: none
   * @param throttleCodes throttle codes at {@code throttleCodePointer}
   */
  public record Answers(
      Set<Integer> sessionGoneStatus,
      Set<Integer> refusedStatus,
      Set<Integer> throttleStatus,
      String errorPointer,
      Set<String> sessionGoneErrors,
      Set<String> badCredentialErrors,
      Set<String> terminalErrors,
      Set<String> forbiddenErrors,
      String throttleCodePointer,
      Set<String> throttleCodes) {}

  /**
   * The call ending a session.
   *
   * @param method e.g. {@code DELETE}; a {@code POST} or {@code PUT} sends a JSON body
   * @param path relative to the base URL, {@code {token}} standing for the token
   * @param fields the JSON body's text fields, as {@link Login#fields()} (no credentials); {@code {}} when none
   * @param literals the JSON body's literal fields, as {@link Login#literals()}
   */
  public record Logout(
      String method, String path, Map<String, String> fields, Map<String, String> literals) {
    public Logout {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
      literals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(literals));
    }

    /** A logout without a body of its own. */
    public Logout(String method, String path) {
      this(method, path, Map.of(), Map.of());
    }
  }

  /**
   * A second value from the login answer sent on later calls (a CSRF token: Proxmox, UniFi,
   * FortiGate).
   *
   * @param source where it is in the login answer: a JSON pointer, an answer header or a cookie
   * @param header the header that carries it on later calls
   * @param writesOnly whether only non-safe methods (RFC 9110 section 9.2.1) carry it
   */
  public record Csrf(TokenSource source, String header, boolean writesOnly) {
    /** Whether a request with {@code method} carries the value. */
    boolean sentWith(String method) {
      return !writesOnly
          || !(method.equals("GET")
              || method.equals("HEAD")
              || method.equals("OPTIONS")
              || method.equals("TRACE"));
    }
  }

  /** Waits; replaced in tests so that no test depends on the wall clock. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }
}
