package dev.latchkey.samples.catalogue;

import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import retrofit2.Response;

/**
 * NetApp ONTAP REST: HTTP Basic on every request and nothing else, so there is no login to
 * count; the "expiry signal" of a Basic API is a changed password, which the credentials supplier
 * picks up with no restart. A wrong password must not be sent again and again (accounts lock).
 * Documented at https://docs.netapp.com/us-en/ontap-automation/get-started/first_call.html
 * ({@code curl --user username:password}).
 */
class OntapCatalogueTest extends CatalogueContract<LatchkeyOntapApi> {
  static final String ROTATED = "rotated-" + VendorServer.PASSWORD;

  private volatile boolean rotated;

  static final class Server extends VendorServer {
    volatile String password = PASSWORD;

    @Override
    MockResponse answer(RecordedRequest request) {
      if (!request.getMethod().equals("GET")
          || !request.getUrl().encodedPath().equals("/api/cluster")) {
        return notFound(request);
      }
      calls.incrementAndGet();
      String expected = okhttp3.Credentials.basic(USER, password);
      if (!expected.equals(request.getHeaders().get("Authorization"))) {
        loginAttempts.incrementAndGet(); // a refused Basic request is a failed login
        return rejected(json(
            401, "{\"error\":{\"message\":\"not authorized for that command\",\"code\":\"6\"}}"));
      }
      return json(200, "{\"version\":{\"full\":\"NetApp Release 9.14.1\",\"generation\":9}}");
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyOntapApi build(String baseUrl, Supplier<UserPassword> credentials) {
    Supplier<UserPassword> current =
        () -> rotated ? new UserPassword(VendorServer.USER, ROTATED) : credentials.get();
    return LatchkeyOntapApi.builder()
        .baseUrl(baseUrl)
        .credentials(current)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyOntapApi client, int i) throws IOException {
    return client.cluster().execute();
  }

  @Override
  boolean hasLogout() {
    return false;
  }

  @Override
  int loginsPerSession() {
    return 0;
  }

  /** The administrator changes the password; the secret store hands out the new one. */
  @Override
  void sendExpirySignal() {
    ((Server) vendor).password = ROTATED;
    rotated = true;
  }
}
