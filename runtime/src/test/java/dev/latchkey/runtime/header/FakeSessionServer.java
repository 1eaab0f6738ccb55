package dev.latchkey.runtime.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted MediaSilo-like server for engine tests: {@code POST /v3/session} checks the body and
 * headers and answers {@code {"id":"key-N", ...}}; {@code GET /v3/me} wants a live session key;
 * {@code DELETE /v3/session/{id}} ends one. {@link #forgetSessions()} plays a server restart.
 */
final class FakeSessionServer extends Dispatcher {
  static final String HOST_CONTEXT = "acme";
  static final String API_KEY = "k3y-s3cr3t-value";
  static final String USER = "alice";
  static final String PASSWORD = "pa55-w0rd-secret";

  private static final ObjectMapper JSON = new ObjectMapper();
  final AtomicInteger sessionsCreated = new AtomicInteger();
  final Set<String> live = ConcurrentHashMap.newKeySet();
  final List<String> deleted = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  volatile boolean forbidMe;
  volatile long sessionDelayMillis;

  void forgetSessions() {
    live.clear();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    requests.add(request);
    if (!HOST_CONTEXT.equals(request.getHeaders().get("MediaSiloHostContext"))
        || !API_KEY.equals(request.getHeaders().get("MediaSiloApiKey"))) {
      return json(403, "{\"message\":\"unknown MediaSiloHostContext or MediaSiloApiKey\"}");
    }
    String path = request.getUrl().encodedPath();
    if (request.getMethod().equals("POST") && path.equals("/v3/session")) {
      return createSession(request);
    }
    if (request.getMethod().equals("DELETE") && path.startsWith("/v3/session/")) {
      String id = path.substring("/v3/session/".length());
      deleted.add(id);
      return live.remove(id) ? json(200, "{}") : json(404, "{}");
    }
    String key = request.getHeaders().get("MediaSiloSessionKey");
    if (key == null) {
      return json(401, "{\"message\":\"no session\"}");
    }
    if (!live.contains(key)) {
      return json(403, "{\"message\":\"Authentication failed\"}");
    }
    if (forbidMe) {
      return json(403, "{\"message\":\"not allowed\"}");
    }
    return json(200, "{\"userName\":\"" + USER + "\"}");
  }

  private MockResponse createSession(RecordedRequest request) throws InterruptedException {
    if (sessionDelayMillis > 0) {
      Thread.sleep(sessionDelayMillis); // widens the race window; nothing asserts on time
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      return json(400, "{\"message\":\"not JSON\"}");
    }
    if (!USER.equals(body.path("userName").asText())
        || !PASSWORD.equals(body.path("password").asText())
        || !HOST_CONTEXT.equals(body.path("accountName").asText())) {
      return json(403, "{\"message\":\"bad password " + body.path("password").asText() + "\"}");
    }
    String id = "key-" + sessionsCreated.incrementAndGet();
    live.add(id);
    return json(200, "{\"id\":\"" + id + "\",\"expires\":3600,\"extra\":{\"a\":1}}");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
