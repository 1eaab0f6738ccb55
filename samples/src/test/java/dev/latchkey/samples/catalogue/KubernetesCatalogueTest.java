package dev.latchkey.samples.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Response;

/**
 * Kubernetes API server with a projected service-account token: {@code Authorization: Bearer
 * <token>}, no login, 401 for an expired token. The kubelet rotates the token file before it
 * expires, so the client reads the file on every request (the static header's supplier) and a
 * rotation costs no failed call. Documented at
 * https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/ ("the kubelet
 * will start trying to rotate the token if the token is older than 80 percent of its time to
 * live").
 */
class KubernetesCatalogueTest extends CatalogueContract<LatchkeyKubernetesApi> {
  @TempDir
  Path directory;

  static final class Server extends VendorServer {
    volatile String token = PASSWORD;

    @Override
    MockResponse answer(RecordedRequest request) {
      if (!request.getMethod().equals("GET")
          || !request.getUrl().encodedPath().matches("/api/v1/namespaces/[a-z-]+/pods")) {
        return notFound(request);
      }
      calls.incrementAndGet();
      if (!("Bearer " + token).equals(request.getHeaders().get("Authorization"))) {
        loginAttempts.incrementAndGet();
        return rejected(json(
            401,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}"));
      }
      return json(200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}");
    }
  }

  private Path tokenFile() {
    return directory.resolve("token");
  }

  @Override
  VendorServer newVendor() {
    return new Server();
  }

  /** The "password" is the token the file holds at the start. */
  @Override
  LatchkeyKubernetesApi build(String baseUrl, Supplier<UserPassword> credentials) {
    try {
      Files.writeString(tokenFile(), new String(credentials.get().password()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return LatchkeyKubernetesApi.builder()
        .baseUrl(baseUrl)
        .bearerToken(this::readToken)
        .clock(clock)
        .build();
  }

  private String readToken() {
    try {
      return Files.readString(tokenFile()).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  Response<?> call(LatchkeyKubernetesApi client, int i) throws IOException {
    return client.pods("default").execute();
  }

  @Override
  boolean hasLogout() {
    return false;
  }

  @Override
  int loginsPerSession() {
    return 0;
  }

  /** The kubelet writes a new token; the API server accepts only that one from now on. */
  @Override
  void sendExpirySignal() {
    try {
      Files.writeString(tokenFile(), "rotated-token\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ((Server) vendor).token = "rotated-token";
  }

  /**
   * There is no login here: a refused token is a typed failure on the call that sent it, and the
   * next call reads the file again (the kubelet may have fixed it), so each call costs one try.
   */
  @Override
  @Test
  void aWrongPasswordFailsTypedAfterAtMostOneLoginAttempt() {
    LatchkeyKubernetesApi client = client("wrong-token");
    assertThrows(AuthenticationFailedException.class, () -> call(client, 0));
    assertEquals(1, vendor.loginAttempts.get());
    assertEquals(List.of(), vendor.malformed);
  }
}
