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
 * PAN-OS XML API: {@code POST /api/} with form {@code type=keygen}, {@code user}, {@code password}
 * answers {@code <response status="success"><result><key>}; later calls send {@code X-PAN-KEY};
 * a key that is no longer valid, like a wrong password, is answered with 403 and {@code
 * <response status="error" code="403">}. Documented at
 * https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-panorama-api/get-started-with-the-pan-os-xml-api/get-your-api-key
 * and .../api-authentication-and-security ("Use the custom HTTP header, X-PAN-KEY: &lt;key&gt;").
 */
class PanOsCatalogueTest extends CatalogueContract<LatchkeyPanOsApi> {
  static final String REFUSED =
      "<response status=\"error\" code=\"403\"><result><msg>Invalid Credential</msg></result></response>";

  static final class Server extends VendorServer {
    @Override
    MockResponse answer(RecordedRequest request) {
      if (!request.getUrl().encodedPath().equals("/api/")) {
        return notFound(request);
      }
      if (request.getMethod().equals("POST")) {
        loginAttempts.incrementAndGet();
        Map<String, String> form = form(request);
        if (!"keygen".equals(form.get("type"))) {
          throw new IllegalArgumentException("not a keygen request");
        }
        if (!USER.equals(form.get("user")) || !PASSWORD.equals(form.get("password"))) {
          return text(403, "application/xml", REFUSED);
        }
        return text(
            200,
            "application/xml",
            "<response status=\"success\"><result><key>" + issue(Instant.MAX)
                + "=</key></result></response>");
      }
      if (request.getMethod().equals("GET")
          && "op".equals(request.getUrl().queryParameter("type"))) {
        calls.incrementAndGet();
        String key = request.getHeaders().get("X-PAN-KEY");
        if (key == null || !key.endsWith("=") || !isLive(key.substring(0, key.length() - 1))) {
          return rejected(text(403, "application/xml", REFUSED));
        }
        return text(
            200,
            "application/xml",
            "<response status=\"success\"><result><system><hostname>fw1</hostname></system></result></response>");
      }
      return notFound(request);
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyPanOsApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeyPanOsApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyPanOsApi client, int i) throws IOException {
    return client.op("<show><system><info></info></system></show>").execute();
  }

  @Override
  boolean hasLogout() {
    return false;
  }
}
