package dev.latchkey.samples.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * What every scripted vendor server shares: the one account it accepts, the live tokens with the
 * instant each dies, and counters the catalogue tests assert on. Each vendor's subclass answers
 * in that vendor's documented shapes: login path and body, where the token comes back and how it
 * must be sent, the expiry signal, the logout. Unknown routes answer 404, so a client that calls
 * the wrong path fails its test instead of passing by accident.
 */
abstract class VendorServer extends Dispatcher {
  static final String USER = "robot";
  static final String PASSWORD = "correct-horse-9";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Token to the instant it dies (Instant.MAX when only a logout or an expiry signal ends it). */
  final Map<String, Instant> live = new ConcurrentHashMap<>();

  final AtomicInteger loginAttempts = new AtomicInteger();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  /** Calls answered with the vendor's expiry signal (a dead or missing token). */
  final AtomicInteger rejected = new AtomicInteger();

  final List<String> loggedOut = new CopyOnWriteArrayList<>();
  /** Requests the server could not read as its API: a wrong shape, never a wrong password. */
  final List<String> malformed = new CopyOnWriteArrayList<>();

  private final AtomicInteger serial = new AtomicInteger();
  volatile Clock clock = Clock.systemUTC();

  @Override
  public final MockResponse dispatch(RecordedRequest request) {
    try {
      return answer(request);
    } catch (RuntimeException | IOException e) {
      malformed.add(request.getMethod() + " " + request.getUrl().encodedPath() + ": " + e);
      return text(400, "text/plain", "bad request");
    }
  }

  /** The vendor's answer to {@code request}. */
  abstract MockResponse answer(RecordedRequest request) throws IOException;

  /** The documented expiry signal, server side: every live token is dead from now on. */
  void expireAll() {
    live.clear();
  }

  /** A fresh token, live until {@code dies}; counts a successful login. */
  String issue(Instant dies) {
    String token =
        getClass().getSimpleName().toLowerCase() + "-" + serial.incrementAndGet() + "-5eCr3T";
    live.put(token, dies);
    logins.incrementAndGet();
    return token;
  }

  /** Whether {@code token} is live now (an expired one is dropped). */
  boolean isLive(String token) {
    if (token == null) {
      return false;
    }
    Instant dies = live.get(token);
    if (dies == null) {
      return false;
    }
    if (!clock.instant().isBefore(dies)) {
      live.remove(token);
      return false;
    }
    return true;
  }

  /** Whether the request's HTTP Basic credentials are the account's. */
  static boolean basicIsRight(RecordedRequest request) {
    String header = request.getHeaders().get("Authorization");
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String decoded =
        new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    return decoded.equals(USER + ":" + PASSWORD);
  }

  /** The form fields of an {@code application/x-www-form-urlencoded} body; a wrong type throws. */
  static Map<String, String> form(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
      throw new IllegalArgumentException("not a form: " + type);
    }
    Map<String, String> fields = new ConcurrentHashMap<>();
    for (String pair : request.getBody().utf8().split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
    }
    return fields;
  }

  /** The JSON body; a body of another type, or none, throws. */
  static JsonNode json(RecordedRequest request) throws IOException {
    String type = request.getHeaders().get("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      throw new IllegalArgumentException("not JSON: " + type);
    }
    return JSON.readTree(request.getBody().utf8());
  }

  /** The value of cookie {@code name} in the request, or null. */
  static String cookie(RecordedRequest request, String name) {
    String header = request.getHeaders().get("Cookie");
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith(name + "=")) {
        return trimmed.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** Counts and returns the vendor's "session gone" answer. */
  MockResponse rejected(MockResponse answer) {
    rejected.incrementAndGet();
    return answer;
  }

  static MockResponse json(int code, String body) {
    return text(code, "application/json", body);
  }

  static MockResponse text(int code, String type, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", type)
        .body(body)
        .build();
  }

  static MockResponse notFound(RecordedRequest request) {
    return json(
        404,
        "{\"error\":\"no route " + request.getMethod() + " " + request.getUrl().encodedPath()
            + "\"}");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
