package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/** Shared helpers for the digest engine tests. */
final class DigestTestSupport {
  private DigestTestSupport() {}

  /** The tiny interface the client-level tests call through. */
  interface Probe {
    @GET("secret")
    Call<ResponseBody> secret();
  }

  /** Collects events; counts them by type. */
  static final class Events {
    final List<AuthEvent> all = new CopyOnWriteArrayList<>();

    long count(AuthEvent.Type type) {
      return all.stream().filter(e -> e.type() == type).count();
    }
  }

  static LatchkeyClient client(
      String baseUrl, DigestScheme scheme, Clock clock, Events events, OkHttpClient base) {
    LatchkeyClient.Builder builder = LatchkeyClient.builder("DigestTest")
        .baseUrl(baseUrl)
        .auth(scheme)
        .clock(clock)
        .eventListener(events.all::add);
    if (base != null) {
      builder.okHttpClient(base);
    }
    return builder.build();
  }

  static MockResponse challenge(String params) {
    return new MockResponse.Builder()
        .code(401)
        .addHeader("WWW-Authenticate", "Digest " + params)
        .body("no")
        .build();
  }

  static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  /** The parameters of an Authorization value, parsed with the same grammar as challenges. */
  static Map<String, String> authParams(String authorization) throws Exception {
    return ChallengeParser.challenges(authorization, "Authorization").get(0).params();
  }
}
