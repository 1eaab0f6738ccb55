package dev.latchkey.runtime.header;

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
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of what the header engine reads from servers: session answers,
 * rejections, rate limits and {@code Retry-After}. The engine runs whole against a {@link
 * FuzzedNetwork}. The invariant, for any input: a call returns an answer or throws an {@link
 * IOException}, never a {@link RuntimeException}; at most five exchanges per call (session, call,
 * new session, replay, one rate-limit retry); messages stay short and never hold the password or
 * API key; no input runs longer than the {@code @Timeout}. See docs/fuzzing.md.
 */
class HeaderFuzzTest {
  private static final HttpUrl BASE = HttpUrl.get("https://api.mediasilo.test/v3/");

  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DictionaryEntries({"{\"id\":\"", "\"}", "{\"message\":\"", "\\u0000", "Retry-After", "0", "120"})
  @FuzzTest(maxDuration = "20s")
  void sessionAndAnswers(FuzzedDataProvider data) {
    FuzzedNetwork network = new FuzzedNetwork(data, "{\"id\":%s}", "{\"message\":%s}",
        "{\"error\":{\"message\":%s}}");
    HeaderScheme scheme = Fixtures.mediaSilo().maxRateLimitWait(Duration.ofSeconds(5))
        .sleeper(wait -> { }).build();
    OkHttpClient plain = new OkHttpClient.Builder().addInterceptor(network).build();
    AuthContext context = new AuthContext("MediaSiloFuzz", BASE,
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), AuthEventListener.NONE, plain);
    OkHttpClient.Builder authenticated = plain.newBuilder();
    authenticated.interceptors().clear();
    try (var resources = scheme.install(context, authenticated)) {
      OkHttpClient client = authenticated.addInterceptor(network).build();
      int calls = data.consumeInt(1, 3);
      for (int i = 0; i < calls; i++) {
        int before = network.exchanges();
        call(client);
        assertTrue(network.exchanges() - before <= 5,
            "one call made " + (network.exchanges() - before) + " exchanges");
      }
    } catch (IOException closing) {
      // closing may fail; not what is fuzzed here
    }
  }

  private static void call(OkHttpClient client) {
    Request request = new Request.Builder().url(BASE.resolve("me")).build();
    try (Response response = client.newCall(request).execute()) {
      response.body().bytes();
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      assertTrue(message.length() < 2000, "message of " + message.length() + " chars");
      assertFalse(message.contains(FakeSessionServer.PASSWORD), "password in " + message);
      assertFalse(message.contains(FakeSessionServer.API_KEY), "API key in " + message);
    }
  }

  /** Retry-After as the header engine reads it: never negative, never an exception. */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "10s")
  void retryAfter(FuzzedDataProvider data) {
    String value = data.consumeRemainingAsString();
    RetryAfter.parse(value, Instant.parse("2026-01-01T00:00:00Z"))
        .ifPresent(wait -> assertFalse(wait.isNegative(), "negative wait " + wait));
  }
}
