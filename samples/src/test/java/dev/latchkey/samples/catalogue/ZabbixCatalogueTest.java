package dev.latchkey.samples.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * Zabbix JSON-RPC (6.4+): {@code user.login} with {@code params.username/password} answers the
 * token in {@code result}; later calls send {@code Authorization: Bearer}; errors come with HTTP
 * 200 in {@code error.data} ("Session terminated, re-login, please." when the session is gone);
 * {@code user.logout} ends the session. Documented at
 * https://www.zabbix.com/documentation/6.4/en/manual/api/reference/user/login ("When using this
 * method, you also need to do user.logout to prevent the generation of a large number of open
 * session records").
 */
class ZabbixCatalogueTest extends CatalogueContract<LatchkeyZabbixApi> {

  static final class Server extends VendorServer {
    @Override
    MockResponse answer(RecordedRequest request) throws IOException {
      if (!request.getMethod().equals("POST")
          || !request.getUrl().encodedPath().equals("/api_jsonrpc.php")) {
        return notFound(request);
      }
      JsonNode call = json(request);
      if (!"2.0".equals(call.path("jsonrpc").asText()) || !call.path("id").isNumber()) {
        throw new IllegalArgumentException("not JSON-RPC 2.0: " + call);
      }
      String header = request.getHeaders().get("Authorization");
      String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
      switch (call.path("method").asText()) {
        case "user.login":
          loginAttempts.incrementAndGet();
          if (header != null) {
            throw new IllegalArgumentException("user.login must be called without authentication");
          }
          if (!USER.equals(call.path("params").path("username").asText())
              || !PASSWORD.equals(call.path("params").path("password").asText())) {
            return error("Incorrect user name or password or account is temporarily blocked.");
          }
          return json(
              200, "{\"jsonrpc\":\"2.0\",\"result\":\"" + issue(Instant.MAX) + "\",\"id\":1}");
        case "user.logout":
          if (!call.path("params").isArray()) {
            throw new IllegalArgumentException("user.logout takes params []");
          }
          if (token != null && live.remove(token) != null) {
            loggedOut.add(token);
            return json(200, "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}");
          }
          return rejected(error("Session terminated, re-login, please."));
        default:
          calls.incrementAndGet();
          if (!isLive(token)) {
            return rejected(error("Session terminated, re-login, please."));
          }
          return json(
              200,
              "{\"jsonrpc\":\"2.0\",\"result\":[{\"hostid\":\"10084\"}],\"id\":" + call.path("id")
                  + "}");
      }
    }

    private static MockResponse error(String data) {
      return json(
          200,
          "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params.\","
              + "\"data\":\"" + data + "\"},\"id\":1}");
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyZabbixApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeyZabbixApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyZabbixApi client, int i) throws IOException {
    JsonNode call = VendorServer.JSON
        .createObjectNode()
        .put("jsonrpc", "2.0")
        .put("method", "host.get")
        .put("id", i + 2)
        .set("params", VendorServer.JSON.createObjectNode());
    Response<ResponseBody> response = client.call(call).execute();
    // JSON-RPC reports failures with HTTP 200: a call is only good with a result.
    if (response.isSuccessful()) {
      String body = response.body().string();
      if (!body.contains("\"result\"")) {
        throw new IOException("JSON-RPC error: " + body);
      }
    }
    return response;
  }

  @Override
  boolean hasLogout() {
    return true;
  }
}
