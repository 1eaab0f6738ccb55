package dev.latchkey.runtime.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.FuzzedNetwork;
import dev.latchkey.runtime.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of what the token engine reads from servers: login answers,
 * ordinary answers (the session verdict), {@code Retry-After}, and cookies. The engine runs whole
 * (login, verdict, one re-login, one replay) against a {@link FuzzedNetwork}. The invariant, for
 * any input: a call returns an answer or throws an {@link IOException} (our typed {@link
 * dev.latchkey.runtime.LatchkeyException}s, or the fuzzed network's own "connection closed"),
 * never a {@link RuntimeException}; it makes at most four exchanges; messages stay short; no
 * input runs longer than the {@code @Timeout}. See docs/fuzzing.md.
 */
class TokenFuzzTest {
  private static final HttpUrl BASE = HttpUrl.get("https://api.example.test/");

  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DictionaryEntries({
      "{\"response\":{\"status\":\"OK\",\"token\":\"", "\"}}", "{\"response\":{\"error_id\":\"",
      "NOAUTH", "NOAUTH_DISABLED", "NOAUTH_EXPIRED", "UNAUTH", "RATE_EXCEEDED",
      "\"error_code\":\"", "\\u0001", "IBAPI_SESSID=", "Fri, 31 Dec 1999 23:59:59 GMT"
  })
  @FuzzTest(maxDuration = "20s")
  void loginAndAnswers(FuzzedDataProvider data) {
    FuzzedNetwork network = new FuzzedNetwork(data,
        "{\"response\":{\"status\":\"OK\",\"token\":%s}}",
        "{\"response\":{\"error_id\":%s}}",
        "{\"response\":{\"error_id\":\"SYSTEM\",\"error_code\":%s}}");
    boolean cookie = data.consumeBoolean();
    TokenScheme.Builder builder = TokenTestSupport.xandr().maxThrottleWait(java.time.Duration.ZERO);
    TokenScheme scheme = (cookie ? builder.cookie("IBAPI_SESSID") : builder).build();
    OkHttpClient plain = new OkHttpClient.Builder().addInterceptor(network).build();
    AuthContext context = new AuthContext("XandrFuzz", BASE,
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), AuthEventListener.NONE, plain);
    OkHttpClient.Builder authenticated = plain.newBuilder();
    authenticated.interceptors().clear();
    try (var resources = scheme.install(context, authenticated)) {
      OkHttpClient client = authenticated.addInterceptor(network).build();
      int calls = data.consumeInt(1, 3);
      for (int i = 0; i < calls; i++) {
        int before = network.exchanges();
        call(client);
        assertTrue(network.exchanges() - before <= 4,
            "one call made " + (network.exchanges() - before) + " exchanges");
      }
    } catch (IOException closing) {
      // closing the scheme's resources may fail; not what is fuzzed here
    }
  }

  private static void call(OkHttpClient client) {
    Request request = new Request.Builder().url(BASE.resolve("member")).build();
    try (Response response = client.newCall(request).execute()) {
      response.body().bytes();
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      assertTrue(message.length() < 1000, "message of " + message.length() + " chars");
    }
  }

  /** Any Set-Cookie the server sends: ours is never taken from it, and never leaves its origin. */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DictionaryEntries({
      "IBAPI_SESSID=", "; Domain=", "; Path=/", "; Secure", "; HttpOnly", "; Max-Age=",
      "api.example.test", ".example.test"
  })
  @FuzzTest(maxDuration = "10s")
  void cookies(FuzzedDataProvider data) {
    List<Cookie> kept = new ArrayList<>();
    CookieJar delegate = new CookieJar() {
      @Override
      public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
        kept.addAll(cookies);
      }

      @Override
      public List<Cookie> loadForRequest(HttpUrl url) {
        return kept.stream().filter(c -> c.matches(url)).toList();
      }
    };
    SessionCookieJar jar = new SessionCookieJar(delegate, "IBAPI_SESSID", BASE);
    List<Cookie> fromServer = new ArrayList<>();
    int count = data.consumeInt(0, 4);
    for (int i = 0; i < count; i++) {
      Cookie parsed = Cookie.parse(BASE, data.consumeString(300));
      if (parsed != null) {
        fromServer.add(parsed);
      }
    }
    jar.saveFromResponse(BASE, fromServer);
    jar.sendOnThisThread(Session.loggedIn("tok-ours", 1, 0));
    try {
      for (HttpUrl url : List.of(BASE, HttpUrl.get("http://api.example.test/"),
          HttpUrl.get("https://api.example.test:8443/"), HttpUrl.get("https://evil.test/"))) {
        List<Cookie> sent = jar.loadForRequest(url);
        List<String> ours = sent.stream().filter(c -> c.name().equals("IBAPI_SESSID"))
            .map(Cookie::value).toList();
        if (url.equals(BASE)) {
          assertEquals(List.of("tok-ours"), ours, "exactly our session cookie on our origin");
        } else {
          assertFalse(ours.contains("tok-ours"), "session cookie sent to " + url);
        }
      }
    } finally {
      jar.sendOnThisThread(null);
    }
  }

  /** Retry-After as the login reads it: never negative, never an exception. */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "10s")
  void retryAfter(FuzzedDataProvider data) {
    String value = data.consumeRemainingAsString();
    okhttp3.Headers.Builder headers = new okhttp3.Headers.Builder();
    try {
      headers.add("Retry-After", value);
    } catch (IllegalArgumentException unbuildable) {
      return;
    }
    Response response = new Response.Builder().request(new Request.Builder().url(BASE).build())
        .protocol(okhttp3.Protocol.HTTP_1_1).code(429).message("x").headers(headers.build())
        .body(okhttp3.ResponseBody.create(new byte[0], null)).build();
    java.time.Duration wait = JsonAnswers.retryAfter(response, 1_700_000_000_000L);
    assertTrue(wait == null || !wait.isNegative(), "negative wait " + wait);
  }
}
