package dev.latchkey.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.FuzzedNetwork;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.header.HeaderScheme;
import dev.latchkey.runtime.header.HeaderTestHooks;
import dev.latchkey.runtime.token.TokenScheme;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of what the session engine reads from servers, for both kinds
 * that run on it: login and session answers, ordinary answers (the session verdict), rate limits,
 * {@code Retry-After}, and cookies. The engine runs whole (login, verdict, one re-login, one
 * replay, one rate-limit retry) against a {@link FuzzedNetwork}, which may echo the login body
 * back as a careless server does. The invariant, for any input: a call returns an answer or throws
 * an {@link IOException}, never a {@link RuntimeException}; it makes a bounded number of
 * exchanges; no message or event is long, or carries the password, the API key or a token; no
 * input runs longer than the {@code @Timeout}. See docs/fuzzing.md.
 */
class SessionFuzzTest {
  static final String PASSWORD = "S3cret!password";
  static final String API_KEY = "api-key-7f3a9c";

  /** Token login (Xandr's shape), by header or cookie. */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DictionaryEntries({
    "{\"response\":{\"status\":\"OK\",\"token\":\"",
    "\"}}",
    "{\"response\":{\"error_id\":\"",
    "NOAUTH",
    "NOAUTH_DISABLED",
    "NOAUTH_EXPIRED",
    "UNAUTH",
    "RATE_EXCEEDED",
    "\"error_code\":\"",
    "\\u0001",
    "IBAPI_SESSID=",
    "Fri, 31 Dec 1999 23:59:59 GMT",
    PASSWORD
  })
  @FuzzTest(maxDuration = "20s")
  void loginAndAnswers(FuzzedDataProvider data) {
    FuzzedNetwork network = new FuzzedNetwork(
        data,
        "{\"response\":{\"status\":\"OK\",\"token\":%s}}",
        "{\"response\":{\"error_id\":%s}}",
        "{\"response\":{\"error_id\":\"SYSTEM\",\"error_code\":%s}}",
        "{\"response\":{\"error_id\":\"SYSTEM\",\"error\":%req}}");
    TokenScheme.Builder builder = TokenScheme.builder()
        .tokenPointer("/response/token")
        .idleLifetime(Duration.ofHours(2))
        .errorPointer("/response/error_id")
        .sessionGoneErrors("NOAUTH")
        .badCredentialErrors("NOAUTH")
        .terminalErrors("NOAUTH_DISABLED", "NOAUTH_EXPIRED")
        .forbiddenErrors("UNAUTH")
        .loginLimit(10, Duration.ofMinutes(5))
        .throttleCodePointer("/response/error_code")
        .throttleCodes("RATE_EXCEEDED")
        .credentials(() -> new UserPassword("alice", PASSWORD));
    run(
        data,
        network,
        (data.consumeBoolean() ? builder.cookie("IBAPI_SESSID") : builder).build(),
        HttpUrl.get("https://api.example.test/"),
        "member",
        4,
        List.of(PASSWORD));
  }

  /** Header sessions (MediaSilo's shape), with session or Basic. */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DictionaryEntries({
    "{\"id\":\"",
    "\"}",
    "{\"message\":\"",
    "\\u0000",
    "Retry-After",
    "0",
    "120",
    PASSWORD
  })
  @FuzzTest(maxDuration = "20s")
  void sessionAndAnswers(FuzzedDataProvider data) {
    FuzzedNetwork network = new FuzzedNetwork(
        data,
        "{\"id\":%s}",
        "{\"message\":%s}",
        "{\"error\":{\"message\":%s}}",
        "{\"message\":%req}");
    HeaderScheme.Builder builder = HeaderScheme.builder()
        .header("MediaSiloHostContext", "hostContext", false, "acme")
        .header("MediaSiloApiKey", "apiKey", true, API_KEY)
        .credentials(() -> new UserPassword("alice", PASSWORD))
        .maxRateLimitWait(Duration.ofSeconds(5));
    if (data.consumeBoolean()) {
      builder
          .session(
              "session",
              "/userName",
              "/password",
              "/id",
              "MediaSiloSessionKey",
              Duration.ofMinutes(60),
              "session/{key}")
          .sessionBodyField("/accountName", "hostContext");
    }
    run(
        data,
        network,
        HeaderTestHooks.noSleep(builder).build(),
        HttpUrl.get("https://api.mediasilo.test/v3/"),
        "me",
        5,
        List.of(PASSWORD, API_KEY));
  }

  /** Runs a few calls; {@code secrets}: what this client holds, which no message or event may show. */
  private static void run(
      FuzzedDataProvider data,
      FuzzedNetwork network,
      AuthScheme scheme,
      HttpUrl base,
      String path,
      int maxExchanges,
      List<String> secrets) {
    List<AuthEvent> events = new CopyOnWriteArrayList<>();
    OkHttpClient plain = new OkHttpClient.Builder().addInterceptor(network).build();
    AuthContext context = new AuthContext(
        "Fuzz", base, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), events::add, plain);
    OkHttpClient.Builder authenticated = plain.newBuilder();
    authenticated.interceptors().clear();
    try (var resources = scheme.install(context, authenticated)) {
      OkHttpClient client = authenticated.addInterceptor(network).build();
      int calls = data.consumeInt(1, 3);
      for (int i = 0; i < calls; i++) {
        int before = network.exchanges();
        call(client, base.resolve(path), secrets);
        assertTrue(
            network.exchanges() - before <= maxExchanges,
            "one call made " + (network.exchanges() - before) + " exchanges");
      }
    } catch (IOException closing) {
      // closing the scheme's resources may fail; not what is fuzzed here
    }
    for (AuthEvent event : events) {
      assertSafe(event.detail(), secrets);
    }
  }

  private static void call(OkHttpClient client, HttpUrl url, List<String> secrets) {
    try (Response response =
        client.newCall(new Request.Builder().url(url).build()).execute()) {
      response.body().bytes();
    } catch (IOException e) {
      assertSafe(String.valueOf(e.getMessage()), secrets);
    }
  }

  private static void assertSafe(String message, List<String> secrets) {
    assertTrue(message.length() < 1000, "message of " + message.length() + " chars");
    for (String secret : secrets) {
      assertFalse(message.contains(secret), "a secret in " + message);
    }
  }

  /** Any Set-Cookie the server sends: ours is never taken from it, and never leaves its origin. */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DictionaryEntries({
    "IBAPI_SESSID=",
    "; Domain=",
    "; Path=/",
    "; Secure",
    "; HttpOnly",
    "; Max-Age=",
    "api.example.test",
    ".example.test"
  })
  @FuzzTest(maxDuration = "10s")
  void cookies(FuzzedDataProvider data) {
    HttpUrl base = HttpUrl.get("https://api.example.test/");
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
    SessionCookieJar jar = new SessionCookieJar(
        delegate, "IBAPI_SESSID", dev.latchkey.runtime.http.CredentialOrigins.of(base));
    List<Cookie> fromServer = new ArrayList<>();
    int count = data.consumeInt(0, 4);
    for (int i = 0; i < count; i++) {
      Cookie parsed = Cookie.parse(base, data.consumeString(300));
      if (parsed != null) {
        fromServer.add(parsed);
      }
    }
    jar.saveFromResponse(base, fromServer);
    jar.sendOnThisThread("tok-ours");
    try {
      for (HttpUrl url : List.of(
          base,
          HttpUrl.get("http://api.example.test/"),
          HttpUrl.get("https://api.example.test:8443/"),
          HttpUrl.get("https://evil.test/"))) {
        List<String> ours = jar.loadForRequest(url).stream()
            .filter(c -> c.name().equals("IBAPI_SESSID"))
            .map(Cookie::value)
            .toList();
        if (url.equals(base)) {
          assertEquals(List.of("tok-ours"), ours, "exactly our session cookie on our origin");
        } else {
          assertFalse(ours.contains("tok-ours"), "session cookie sent to " + url);
        }
      }
    } finally {
      jar.sendOnThisThread(null);
    }
  }

  /** Retry-After as the engine reads it (logins and rate limits): never negative, never an exception. */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "10s")
  void retryAfter(FuzzedDataProvider data) {
    Duration wait = Bodies.retryAfter(data.consumeRemainingAsString(), 1_700_000_000_000L);
    assertTrue(wait == null || !wait.isNegative(), "negative wait " + wait);
  }
}
