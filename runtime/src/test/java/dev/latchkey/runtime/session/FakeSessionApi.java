package dev.latchkey.runtime.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * One scripted server for every session kind the engine runs: a token login at {@code POST
 * /api/auth} (Xandr's body and answer), a session at {@code POST /api/session} (MediaSilo's), and
 * HTTP Basic. Every other path answers 200 to a live token, session key or the right Basic
 * credentials, else 401. Tokens carry the server's prefix, so a test can tell servers apart.
 */
final class FakeSessionApi extends Dispatcher {
  static final String USER = "alice";
  static final String PASSWORD = "S3cret!password";
  private static final ObjectMapper JSON = new ObjectMapper();

  final String prefix;
  final Set<String> live = ConcurrentHashMap.newKeySet();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger loginAttempts = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  /** Replaces the login's answer when set (the request's body is passed in). */
  volatile Function<String, MockResponse> loginAnswer;
  /** Held by a login until released, when set. */
  volatile CountDownLatch loginGate;

  final CountDownLatch loginArrived = new CountDownLatch(1);

  FakeSessionApi(String prefix) {
    this.prefix = prefix;
  }

  void forgetSessions() {
    live.clear();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    boolean token = path.endsWith("/auth");
    if ((token || path.endsWith("/session")) && request.getMethod().equals("POST")) {
      return login(request, token);
    }
    calls.incrementAndGet();
    String sent = first(
        request.getHeaders().get("X-Auth-Token"), request.getHeaders().get("MediaSiloSessionKey"));
    String basic =
        "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes());
    if ((sent != null && live.contains(sent))
        || basic.equals(request.getHeaders().get("Authorization"))) {
      // /admin: a permission this account does not have
      return path.endsWith("/admin")
          ? new MockResponse.Builder()
              .code(403)
              .body("{\"message\":\"not yours\"}")
              .build()
          : new MockResponse.Builder().code(200).body("{\"ok\":true}").build();
    }
    return new MockResponse.Builder()
        .code(401)
        .body("{\"response\":{\"error_id\":\"NOAUTH\"}}")
        .build();
  }

  private MockResponse login(RecordedRequest request, boolean token) throws InterruptedException {
    loginAttempts.incrementAndGet();
    loginArrived.countDown();
    CountDownLatch gate = loginGate;
    if (gate != null) {
      gate.await(30, TimeUnit.SECONDS);
    }
    String body = request.getBody().utf8();
    if (loginAnswer != null) {
      return loginAnswer.apply(body);
    }
    String password;
    try {
      JsonNode tree = JSON.readTree(body);
      password = (token ? tree.at("/auth/password") : tree.at("/password")).asText();
    } catch (java.io.IOException e) {
      return new MockResponse.Builder().code(400).build();
    }
    if (!PASSWORD.equals(password)) {
      return new MockResponse.Builder()
          .code(401)
          .body(
              token
                  ? "{\"response\":{\"error_id\":\"NOAUTH\"}}"
                  : "{\"message\":\"wrong password\"}")
          .build();
    }
    String issued = prefix + "-" + logins.incrementAndGet();
    live.add(issued);
    return new MockResponse.Builder()
        .code(200)
        .body(
            token
                ? "{\"response\":{\"status\":\"OK\",\"token\":\"" + issued + "\"}}"
                : "{\"id\":\"" + issued + "\"}")
        .build();
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
