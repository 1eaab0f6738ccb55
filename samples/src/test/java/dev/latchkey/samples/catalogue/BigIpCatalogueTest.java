package dev.latchkey.samples.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * F5 BIG-IP iControl REST: {@code POST /mgmt/shared/authn/login} with {@code loginProviderName:
 * "tmos"} answers {@code token.token} and {@code token.timeout} (1200 s by default); later calls
 * send {@code X-F5-Auth-Token}; the token dies {@code timeout} seconds after issue (then 401); at
 * most 100 live tokens per user (the 101st login is refused with 400), so the client deletes its
 * token with {@code DELETE /mgmt/shared/authz/tokens/<token>} on close. Documented at
 * https://community.f5.com/t5/technical-articles/icontrol-rest-authentication-token-management/ta-p/287462
 * ("By default, a token expires after 1,200s"; "Each user can request up to 100 tokens").
 */
class BigIpCatalogueTest extends CatalogueContract<LatchkeyBigIpApi> {
  static final int TIMEOUT_SECONDS = 1200;
  static final int MAX_TOKENS = 100;

  static final class Server extends VendorServer {
    @Override
    MockResponse answer(RecordedRequest request) throws IOException {
      String path = request.getUrl().encodedPath();
      String token = request.getHeaders().get("X-F5-Auth-Token");
      if (request.getMethod().equals("POST") && path.equals("/mgmt/shared/authn/login")) {
        loginAttempts.incrementAndGet();
        JsonNode body = json(request);
        if (!"tmos".equals(body.path("loginProviderName").asText())) {
          throw new IllegalArgumentException("loginProviderName is not tmos");
        }
        if (!USER.equals(body.path("username").asText())
            || !PASSWORD.equals(body.path("password").asText())) {
          return json(
              401, "{\"code\":401,\"message\":\"Authentication failed.\",\"errorStack\":[]}");
        }
        live.keySet().removeIf(t -> !isLive(t));
        if (live.size() >= MAX_TOKENS) {
          return json(
              400,
              "{\"code\":400,\"message\":\"Bad Request: user " + USER
                  + " has reached maximum active login tokens\"}");
        }
        String issued = issue(clock.instant().plusSeconds(TIMEOUT_SECONDS));
        return json(
            200,
            "{\"username\":\"" + USER + "\",\"token\":{\"token\":\"" + issued
                + "\",\"name\":\"" + issued + "\",\"userName\":\"" + USER + "\",\"timeout\":"
                + TIMEOUT_SECONDS + ",\"selfLink\":\"https://localhost/mgmt/shared/authz/tokens/"
                + issued + "\"}}");
      }
      if (request.getMethod().equals("DELETE") && path.startsWith("/mgmt/shared/authz/tokens/")) {
        String target = path.substring("/mgmt/shared/authz/tokens/".length());
        if (!isLive(token) || !target.equals(token)) {
          // "You can only manage your own token."
          return rejected(
              json(401, "{\"code\":401,\"message\":\"X-F5-Auth-Token does not exist.\"}"));
        }
        live.remove(target);
        loggedOut.add(target);
        return json(200, "{\"token\":\"" + target + "\"}");
      }
      if (request.getMethod().equals("GET") && path.equals("/mgmt/tm/sys/version")) {
        calls.incrementAndGet();
        if (!isLive(token)) {
          return rejected(
              json(401, "{\"code\":401,\"message\":\"X-F5-Auth-Token does not exist.\"}"));
        }
        return json(200, "{\"kind\":\"tm:sys:version:versionstats\",\"entries\":{}}");
      }
      return notFound(request);
    }
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  @Override
  LatchkeyBigIpApi build(String baseUrl, Supplier<UserPassword> credentials) {
    return LatchkeyBigIpApi.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .clock(clock)
        .build();
  }

  @Override
  Response<?> call(LatchkeyBigIpApi client, int i) throws IOException {
    return client.version().execute();
  }

  @Override
  boolean hasLogout() {
    return true;
  }

  /** The documented signal is the answer's timeout: the client renews before the server refuses. */
  @Override
  void sendExpirySignal() {
    clock.advance(Duration.ofSeconds(TIMEOUT_SECONDS - 30));
  }

  @Test
  void theAnswersTimeoutIsRenewedBeforeItEndsSoNoCallIsRefused() throws IOException {
    LatchkeyBigIpApi client = client(VendorServer.PASSWORD);
    assertTrue(call(client, 0).isSuccessful());
    sendExpirySignal();
    assertTrue(call(client, 1).isSuccessful());
    assertEquals(2, vendor.logins.get());
    assertEquals(0, vendor.rejected.get(), "refused calls");
  }

  @Test
  void clientsThatCloseNeverExhaustTheHundredTokens() throws IOException {
    for (int i = 0; i < MAX_TOKENS + 5; i++) {
      LatchkeyBigIpApi client = client(VendorServer.PASSWORD);
      assertTrue(call(client, i).isSuccessful(), "client " + i);
      client.close();
    }
    assertEquals(MAX_TOKENS + 5, vendor.loggedOut.size());
  }
}
