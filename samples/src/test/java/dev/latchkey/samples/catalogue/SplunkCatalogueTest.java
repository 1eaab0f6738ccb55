package dev.latchkey.samples.catalogue;

import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import retrofit2.Response;

/**
 * Splunk Enterprise: form login to {@code /services/auth/login} ({@code output_mode=json} for a
 * JSON answer), {@code Authorization: Splunk <sessionKey>}, 401 "call not properly authenticated"
 * for a dead key, no logout. Documented at
 * http://docs.splunk.com/Documentation/Splunk/latest/Developer/RESTAuth and
 * https://www.splunk.com/en_us/blog/tips-and-tricks/splunk-rest-api-is-easy-to-use.html (form
 * fields username and password; the XML answer without output_mode).
 */
class SplunkCatalogueTest extends CatalogueContract<LatchkeySplunkApi> {

  static final class Server extends VendorServer {
    @Override
    MockResponse answer(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (request.getMethod().equals("POST") && path.equals("/services/auth/login")) {
        loginAttempts.incrementAndGet();
        Map<String, String> form = form(request);
        if (!USER.equals(form.get("username")) || !PASSWORD.equals(form.get("password"))) {
          return json(
              401, "{\"messages\":[{\"type\":\"WARN\",\"code\":\"\",\"text\":\"Login failed\"}]}");
        }
        String key = issue(Instant.MAX);
        if (!"json".equals(form.get("output_mode"))) {
          return text(200, "text/xml", "<response><sessionKey>" + key + "</sessionKey></response>");
        }
        return json(200, "{\"sessionKey\":\"" + key + "\"}");
      }
      if (request.getMethod().equals("GET") && path.equals("/services/server/info")) {
        calls.incrementAndGet();
        String header = request.getHeaders().get("Authorization");
        if (header == null || !header.startsWith("Splunk ") || !isLive(header.substring(7))) {
          return rejected(json(
              401,
              "{\"messages\":[{\"type\":\"WARN\",\"text\":\"call not properly authenticated\"}]}"));
        }
        return json(
            200, "{\"entry\":[{\"name\":\"server-info\",\"content\":{\"version\":\"9.2.1\"}}]}");
      }
      return notFound(request);
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeySplunkApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeySplunkApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeySplunkApi client, int i) throws IOException {
    return client.serverInfo().execute();
  }

  @Override
  boolean hasLogout() {
    return false;
  }
}
