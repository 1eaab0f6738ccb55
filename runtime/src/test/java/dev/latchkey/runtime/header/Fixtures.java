package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/** MediaSilo-shaped schemes and clients for the engine tests. */
final class Fixtures {
  private Fixtures() {}

  static HeaderScheme.Builder mediaSilo(
      String hostContext, String apiKey, String user, String password) {
    return HeaderScheme.builder()
        .header("MediaSiloHostContext", "hostContext", false, hostContext)
        .header("MediaSiloApiKey", "apiKey", true, apiKey)
        .session(
            "session",
            "/userName",
            "/password",
            "/id",
            "MediaSiloSessionKey",
            Duration.ofMinutes(60),
            "session/{key}")
        .sessionBodyField("/accountName", "hostContext")
        .credentials(() -> new UserPassword(user, password));
  }

  static HeaderScheme.Builder mediaSilo() {
    return mediaSilo(
        FakeSessionServer.HOST_CONTEXT,
        FakeSessionServer.API_KEY,
        FakeSessionServer.USER,
        FakeSessionServer.PASSWORD);
  }

  static LatchkeyClient client(
      HeaderScheme scheme, HttpUrl base, Clock clock, AuthEventListener listener) {
    return LatchkeyClient.builder("MediaSiloApi")
        .baseUrl(base.toString())
        .auth(scheme)
        .clock(clock)
        .eventListener(listener)
        .build();
  }

  /** GETs {@code path} relative to the base URL and returns the status (the body is closed). */
  static int get(LatchkeyClient client, String path) throws IOException {
    Request request = new Request.Builder().url(client.baseUrl().resolve(path)).build();
    try (Response response = client.okHttpClient().newCall(request).execute()) {
      return response.code();
    }
  }
}
