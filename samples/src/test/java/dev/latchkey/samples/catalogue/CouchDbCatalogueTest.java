package dev.latchkey.samples.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import retrofit2.Response;

/**
 * Apache CouchDB cookie authentication: {@code POST /_session} with {@code {"name","password"}}
 * sets {@code AuthSession}; later calls send that cookie; 401 without a valid one; {@code DELETE
 * /_session} logs out. Documented at https://docs.couchdb.org/en/stable/api/server/authn.html
 * (Cookie Authentication; also
 * https://docs.couchdb.org/en/3.4.3.post1/_sources/api/server/authn.rst.txt).
 */
class CouchDbCatalogueTest extends CatalogueContract<LatchkeyCouchDbApi> {

  static final class Server extends VendorServer {
    @Override
    MockResponse answer(RecordedRequest request) throws IOException {
      String path = request.getUrl().encodedPath();
      String cookie = cookie(request, "AuthSession");
      if (request.getMethod().equals("POST") && path.equals("/_session")) {
        loginAttempts.incrementAndGet();
        JsonNode body = json(request);
        if (!USER.equals(body.path("name").asText())
            || !PASSWORD.equals(body.path("password").asText())) {
          return json(
              401, "{\"error\":\"unauthorized\",\"reason\":\"Name or password is incorrect.\"}");
        }
        return new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .addHeader(
                "Set-Cookie", "AuthSession=" + issue(Instant.MAX) + "; Version=1; Path=/; HttpOnly")
            .body("{\"ok\":true,\"name\":\"" + USER + "\",\"roles\":[]}")
            .build();
      }
      if (request.getMethod().equals("DELETE") && path.equals("/_session")) {
        if (cookie != null && live.remove(cookie) != null) {
          loggedOut.add(cookie);
        }
        return new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .addHeader("Set-Cookie", "AuthSession=; Version=1; Path=/; HttpOnly")
            .body("{\"ok\":true}")
            .build();
      }
      if (request.getMethod().equals("GET") && path.equals("/inventory")) {
        calls.incrementAndGet();
        if (!isLive(cookie)) {
          return rejected(
              json(
                  401,
                  "{\"error\":\"unauthorized\",\"reason\":\"You are not authorized to access this db.\"}"));
        }
        return json(200, "{\"db_name\":\"inventory\",\"doc_count\":12}");
      }
      return notFound(request);
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyCouchDbApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeyCouchDbApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyCouchDbApi client, int i) throws IOException {
    return client.database("inventory").execute();
  }

  @Override
  boolean hasLogout() {
    return true;
  }
}
