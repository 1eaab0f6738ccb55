package dev.latchkey.runtime.token;

import dev.latchkey.runtime.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scriptable Xandr for MockWebServer: {@code POST /auth} issues tokens, other paths check the
 * {@code Authorization} header or the {@code IBAPI_SESSID} cookie. Tests swap the login and call
 * behaviour, and read what happened. Login times come from the shared test clock.
 */
final class FakeXandr extends Dispatcher {
  static final String NOAUTH =
      "{\"response\":{\"error_id\":\"NOAUTH\",\"error\":\"Authentication failed - not logged in\"}}";

  final MutableClock clock;
  final Set<String> valid = ConcurrentHashMap.newKeySet();
  final List<Long> loginTimes = new ArrayList<>();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  final List<RecordedRequest> loginRequests = new ArrayList<>();
  volatile Function<RecordedRequest, MockResponse> login = this::okLogin;
  volatile Function<RecordedRequest, MockResponse> call = this::checkToken;

  FakeXandr(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getUrl().encodedPath().endsWith("/auth")
        || request.getUrl().encodedPath().endsWith("/jwt")) {
      synchronized (this) {
        loginTimes.add(clock.millis());
        loginRequests.add(request);
      }
      return login.apply(request);
    }
    calls.incrementAndGet();
    return call.apply(request);
  }

  synchronized List<Long> loginTimes() {
    return List.copyOf(loginTimes);
  }

  MockResponse okLogin(RecordedRequest request) {
    String token = "tok" + logins.incrementAndGet();
    valid.add(token);
    return json(
            200, "{\"response\":{\"status\":\"OK\",\"token\":\"" + token + "\",\"dbg_info\":{}}}")
        .newBuilder()
        .addHeader("Set-Cookie", "IBAPI_SESSID=" + token + "; path=/")
        .build();
  }

  MockResponse checkToken(RecordedRequest request) {
    String token = tokenOf(request);
    if (token != null && valid.contains(token)) {
      return json(200, "{\"response\":{\"status\":\"OK\",\"members\":[]}}");
    }
    return json(401, NOAUTH);
  }

  static String tokenOf(RecordedRequest request) {
    String header = request.getHeaders().get("Authorization");
    if (header != null) {
      return header;
    }
    String cookie = request.getHeaders().get("Cookie");
    if (cookie != null) {
      for (String part : cookie.split(";")) {
        String[] pair = part.trim().split("=", 2);
        if (pair.length == 2 && pair[0].equals("IBAPI_SESSID")) {
          return pair[1];
        }
      }
    }
    return null;
  }

  /** Xandr labels its JSON text/html. */
  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "text/html")
        .body(body)
        .build();
  }
}
