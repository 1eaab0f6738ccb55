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
 * OpenStack Keystone v3: password authentication at {@code POST /v3/auth/tokens} answers 201 with
 * the token in {@code X-Subject-Token}; later calls send {@code X-Auth-Token}; 401 for a dead
 * token. The body here is over 16 KiB (a service catalog), as real answers can be. Documented at
 * https://docs.openstack.org/api-ref/identity/v3/ (source:
 * https://opendev.org/openstack/keystone/src/branch/master/api-ref/source/v3/authenticate-v3.inc:
 * "Tokens have IDs, which the Identity API returns in the X-Subject-Token response header").
 */
class KeystoneCatalogueTest extends CatalogueContract<LatchkeyKeystoneApi> {

  static final class Server extends VendorServer {
    @Override
    MockResponse answer(RecordedRequest request) throws IOException {
      String path = request.getUrl().encodedPath();
      if (request.getMethod().equals("POST") && path.equals("/v3/auth/tokens")) {
        loginAttempts.incrementAndGet();
        JsonNode identity = json(request).path("auth").path("identity");
        JsonNode user = identity.path("password").path("user");
        if (!identity.path("methods").isArray()
            || !"password".equals(identity.path("methods").path(0).asText())
            || !"default".equals(user.path("domain").path("id").asText())) {
          throw new IllegalArgumentException("not a v3 password authentication: " + identity);
        }
        if (!USER.equals(user.path("name").asText())
            || !PASSWORD.equals(user.path("password").asText())) {
          return json(
              401,
              "{\"error\":{\"code\":401,\"message\":\"The request you have made requires"
                  + " authentication.\",\"title\":\"Unauthorized\"}}");
        }
        String token = issue(Instant.MAX);
        return new MockResponse.Builder()
            .code(201)
            .addHeader("X-Subject-Token", token)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"token\":{\"methods\":[\"password\"],\"expires_at\":\"2026-03-02T09:00:00.000000Z\","
                    + "\"catalog\":[" + "{\"type\":\"compute\",\"endpoints\":[]},".repeat(600)
                    + "{\"type\":\"identity\",\"endpoints\":[]}]}}")
            .build();
      }
      if (request.getMethod().equals("GET") && path.equals("/v3/auth/projects")) {
        calls.incrementAndGet();
        if (!isLive(request.getHeaders().get("X-Auth-Token"))) {
          return rejected(json(401, "{\"error\":{\"code\":401,\"title\":\"Unauthorized\"}}"));
        }
        return json(200, "{\"projects\":[{\"id\":\"p1\",\"name\":\"demo\"}]}");
      }
      return notFound(request);
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyKeystoneApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeyKeystoneApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyKeystoneApi client, int i) throws IOException {
    return client.projects().execute();
  }

  @Override
  boolean hasLogout() {
    return false; // revocation needs X-Subject-Token as well (see KeystoneApi)
  }
}
