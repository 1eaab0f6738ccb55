package dev.latchkey.samples.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * Proxmox VE: {@code POST /api2/json/access/ticket} (form {@code username}, {@code password})
 * answers {@code data.ticket} and {@code data.CSRFPreventionToken}; later calls send cookie {@code
 * PVEAuthCookie}, and writes also header {@code CSRFPreventionToken}; a ticket lives two hours;
 * 401 for a dead ticket or a write without the right CSRF token. Documented at
 * https://pve.proxmox.com/wiki/Proxmox_VE_API ("any write request (POST, PUT, DELETE) must include
 * the CSRFPreventionToken header"; revision
 * https://pve.proxmox.com/mediawiki/index.php?title=Proxmox_VE_API&oldid=3630).
 */
class ProxmoxCatalogueTest extends CatalogueContract<LatchkeyProxmoxApi> {
  static final Duration TICKET_LIFETIME = Duration.ofHours(2);

  static final class Server extends VendorServer {
    final Map<String, String> csrfByTicket = new ConcurrentHashMap<>();

    @Override
    MockResponse answer(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      String ticket = cookie(request, "PVEAuthCookie");
      String csrf = request.getHeaders().get("CSRFPreventionToken");
      if (request.getMethod().equals("POST") && path.equals("/api2/json/access/ticket")) {
        loginAttempts.incrementAndGet();
        Map<String, String> form = form(request);
        if (!USER.equals(form.get("username")) || !PASSWORD.equals(form.get("password"))) {
          return json(401, "{\"data\":null}");
        }
        // A real ticket: "PVE:<user>:<hex time>::<signature>" (colons inside a cookie value).
        String plain = issue(clock.instant().plus(TICKET_LIFETIME));
        String issued = "PVE:" + plain + "::c2lnbmF0dXJl";
        live.put(issued, live.remove(plain));
        String token = "66A1B2C3:" + Integer.toHexString(issued.hashCode()) + "CsRf";
        csrfByTicket.put(issued, token);
        return json(
            200,
            "{\"data\":{\"ticket\":\"" + issued + "\",\"CSRFPreventionToken\":\"" + token
                + "\",\"username\":\"" + USER + "\"}}");
      }
      if (request.getMethod().equals("GET") && path.equals("/api2/json/nodes")) {
        calls.incrementAndGet();
        if (csrf != null) {
          throw new IllegalArgumentException("a read carried the CSRF token");
        }
        return isLive(ticket)
            ? json(200, "{\"data\":[{\"node\":\"pve1\"}]}")
            : rejected(json(401, "{\"data\":null}"));
      }
      if (request.getMethod().equals("POST")
          && path.matches("/api2/json/nodes/pve1/qemu/\\d+/status/start")) {
        calls.incrementAndGet();
        if (!isLive(ticket)) {
          return rejected(json(401, "{\"data\":null}"));
        }
        if (csrf == null || !csrf.equals(csrfByTicket.get(ticket))) {
          throw new IllegalArgumentException("a write without its ticket's CSRF token");
        }
        return json(200, "{\"data\":\"UPID:pve1:qmstart\"}");
      }
      return notFound(request);
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyProxmoxApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeyProxmoxApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyProxmoxApi client, int i) throws IOException {
    return i % 2 == 0 ? client.nodes().execute() : client.start("pve1", 100 + i).execute();
  }

  @Override
  boolean hasLogout() {
    return false;
  }

  /** The documented signal is the two-hour lifetime: the client renews before the server refuses. */
  @Override
  void sendExpirySignal() {
    clock.advance(TICKET_LIFETIME.minusSeconds(30));
  }

  @Test
  void theTicketIsRenewedBeforeItsTwoHoursEndSoNoCallIsRefused() throws IOException {
    LatchkeyProxmoxApi client = client(VendorServer.PASSWORD);
    assertTrue(call(client, 1).isSuccessful());
    sendExpirySignal();
    assertTrue(call(client, 3).isSuccessful());
    assertEquals(2, vendor.logins.get());
    assertEquals(0, vendor.rejected.get(), "refused calls");
  }
}
