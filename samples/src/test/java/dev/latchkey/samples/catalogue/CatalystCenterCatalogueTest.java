package dev.latchkey.samples.catalogue;

import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import retrofit2.Response;

/**
 * Cisco Catalyst Center: {@code POST /dna/system/api/v1/auth/token} with HTTP Basic answers
 * {@code {"Token": ..}}, valid one hour; later calls send {@code X-Auth-Token}; 401 for a dead
 * token; no logout. Documented at https://developer.cisco.com/docs/catalyst-center/authentication
 * and https://developer.cisco.com/docs/dna-center/2-3-5/authentication-api ("API to obtain an
 * access token, which remains valid for 1 hour").
 */
class CatalystCenterCatalogueTest extends CatalogueContract<LatchkeyCatalystCenterApi> {
  static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  static final class Server extends VendorServer {
    @Override
    MockResponse answer(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (request.getMethod().equals("POST") && path.equals("/dna/system/api/v1/auth/token")) {
        loginAttempts.incrementAndGet();
        if (!basicIsRight(request)) {
          return json(
              401, "{\"error\":\"Authentication has failed. Please provide valid credentials.\"}");
        }
        return json(200, "{\"Token\":\"" + issue(clock.instant().plus(TOKEN_LIFETIME)) + "\"}");
      }
      if (request.getMethod().equals("GET") && path.equals("/dna/intent/api/v1/network-device")) {
        calls.incrementAndGet();
        if (!isLive(request.getHeaders().get("X-Auth-Token"))) {
          return rejected(json(401, "{\"exp\":\"token expired\"}"));
        }
        return json(200, "{\"response\":[],\"version\":\"1.0\"}");
      }
      return notFound(request);
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyCatalystCenterApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeyCatalystCenterApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyCatalystCenterApi client, int i) throws IOException {
    return client.networkDevices().execute();
  }

  @Override
  boolean hasLogout() {
    return false;
  }
}
