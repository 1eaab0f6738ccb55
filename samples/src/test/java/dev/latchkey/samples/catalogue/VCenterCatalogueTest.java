package dev.latchkey.samples.catalogue;

import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import retrofit2.Response;

/**
 * VMware vCenter Automation API: {@code POST /api/session} with Basic and no body answers a bare
 * JSON string; later calls send {@code vmware-api-session-id}; 401 for a dead session; {@code
 * DELETE /api/session} logs out. Documented at
 * https://developer.broadcom.com/xapis/vsphere-automation-api/latest/cis ("Clients using the REST
 * API should supply the session token using the vmware-api-session-id HTTP header") and
 * https://developer.vmware.com/docs/vsphere-automation/latest/cis/api/session/post/.
 */
class VCenterCatalogueTest extends CatalogueContract<LatchkeyVCenterApi> {

  static final class Server extends VendorServer {
    @Override
    MockResponse answer(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      String session = request.getHeaders().get("vmware-api-session-id");
      if (request.getMethod().equals("POST") && path.equals("/api/session")) {
        loginAttempts.incrementAndGet();
        if (request.getBodySize() > 0 || request.getHeaders().get("Content-Type") != null) {
          throw new IllegalArgumentException("the session call takes no body");
        }
        if (!basicIsRight(request)) {
          return json(401, "{\"error_type\":\"UNAUTHENTICATED\",\"messages\":[]}");
        }
        return json(201, "\"" + issue(Instant.MAX) + "\"");
      }
      if (request.getMethod().equals("DELETE") && path.equals("/api/session")) {
        if (session != null && live.remove(session) != null) {
          loggedOut.add(session);
          return new MockResponse.Builder().code(204).build();
        }
        return rejected(json(401, "{\"error_type\":\"UNAUTHENTICATED\",\"messages\":[]}"));
      }
      if (request.getMethod().equals("GET") && path.equals("/api/vcenter/vm")) {
        calls.incrementAndGet();
        if (!isLive(session)) {
          return rejected(json(401, "{\"error_type\":\"UNAUTHENTICATED\",\"messages\":[]}"));
        }
        return json(200, "[{\"vm\":\"vm-42\",\"name\":\"db-1\",\"power_state\":\"POWERED_ON\"}]");
      }
      return notFound(request);
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyVCenterApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeyVCenterApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyVCenterApi client, int i) throws IOException {
    return client.vms().execute();
  }

  @Override
  boolean hasLogout() {
    return true;
  }
}
