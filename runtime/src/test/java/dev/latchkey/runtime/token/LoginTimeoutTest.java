package dev.latchkey.runtime.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.MutableClock;
import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * A login is bounded in time even when the user's client has no call timeout (OkHttp's default):
 * the read timeout restarts on every byte, so only a call timeout stops a server that drips its
 * answer. The user's own call timeout, when set, is kept.
 */
class LoginTimeoutTest {
  private static final HttpUrl BASE = HttpUrl.get("https://api.example.test/");

  private static List<Long> loginTimeouts(OkHttpClient.Builder userClient) throws Exception {
    List<Long> seen = new CopyOnWriteArrayList<>();
    Interceptor server = chain -> {
      Request request = chain.request();
      String body = "{}";
      if (request.url().encodedPath().endsWith("/auth")) {
        seen.add(chain.call().timeout().timeoutNanos());
        body = "{\"response\":{\"token\":\"tok-1\"}}";
      }
      return new Response.Builder()
          .request(request)
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("ok")
          .body(ResponseBody.create(body, null))
          .build();
    };
    OkHttpClient plain = userClient.addInterceptor(server).build();
    AuthContext context = new AuthContext(
        "Timeouts",
        BASE,
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")),
        AuthEventListener.NONE,
        plain);
    OkHttpClient.Builder authenticated = plain.newBuilder();
    authenticated.interceptors().clear();
    try (Closeable resources = TokenTestSupport.xandr().build().install(context, authenticated)) {
      OkHttpClient client = authenticated.addInterceptor(server).build();
      client
          .newCall(new Request.Builder().url(BASE.resolve("member")).build())
          .execute()
          .close();
    }
    return seen;
  }

  @Test
  void aLoginWithoutAUserTimeoutGetsTheDefaultBound() throws Exception {
    assertEquals(
        List.of(TimeUnit.MILLISECONDS.toNanos(60_000L)), loginTimeouts(new OkHttpClient.Builder()));
  }

  @Test
  void theUsersOwnCallTimeoutIsKept() throws Exception {
    assertEquals(
        List.of(TimeUnit.SECONDS.toNanos(7)),
        loginTimeouts(new OkHttpClient.Builder().callTimeout(7, TimeUnit.SECONDS)));
  }
}
