package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.CredentialOrigins;
import dev.latchkey.runtime.http.Origin;
import dev.latchkey.runtime.logging.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * One digest client that talks to thousands of hosts, or to one host with thousands of realms,
 * keeps bounded nonce state: at most {@link NonceCache#DEFAULT_CAPACITY} origins and {@link
 * OriginEntry#MAX_REALMS} realms per origin, least recently used dropped first. The engine runs
 * whole (its application interceptor) against an in-memory server.
 */
class DigestStateBoundsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final NonceCache cache = new NonceCache(NonceCache.DEFAULT_CAPACITY);
  private final AtomicInteger exchanges = new AtomicInteger();
  private final AtomicInteger realms = new AtomicInteger();

  /** Challenges unsigned requests (a new realm each time), accepts signed ones. */
  private final Interceptor server = chain -> {
    exchanges.incrementAndGet();
    Request request = chain.request();
    boolean signed = DigestTicket.of(chain) != null;
    Response.Builder response = new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .message("x")
        .body(ResponseBody.create(new byte[0], null));
    if (signed) {
      return response.code(200).build();
    }
    return response
        .code(401)
        .header(
            "WWW-Authenticate",
            "Digest realm=\"realm-" + realms.incrementAndGet() + "\", nonce=\"n" + exchanges.get()
                + "\", qop=\"auth\"")
        .build();
  };

  private OkHttpClient client() {
    DigestConfig config = DigestScheme.builder()
        .nonceLifetime(Duration.ofMinutes(5))
        .credentials(() -> new UserPassword("robot", "digest-pw"))
        .build()
        .config();
    // Digest signs only for the client's own origins (issue 14), so every host here is one.
    List<HttpUrl> hosts = new ArrayList<>();
    for (int i = 0; i < 3 * NonceCache.DEFAULT_CAPACITY; i++) {
      hosts.add(HttpUrl.get("http://h" + i + ".test/"));
    }
    HttpUrl base = HttpUrl.get("http://h0.test/");
    AuthContext context = new AuthContext(
        "BoundsTest",
        base,
        clock,
        AuthEventListener.NONE,
        new OkHttpClient(),
        CredentialOrigins.of(base, hosts),
        new Redactor());
    return new OkHttpClient.Builder()
        .addInterceptor(new DigestInterceptor(config, context, cache))
        .addInterceptor(server)
        .build();
  }

  private static int get(OkHttpClient client, String url) throws IOException {
    try (Response response =
        client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }

  @Test
  void thousandsOfHostsKeepAtMostTheCapacityOfOrigins() throws IOException {
    OkHttpClient client = client();
    int hosts = 3 * NonceCache.DEFAULT_CAPACITY;
    for (int i = 0; i < hosts; i++) {
      assertEquals(200, get(client, "http://h" + i + ".test/x"));
    }
    assertEquals(2 * hosts, exchanges.get(), "challenge + signed call per new host");
    assertEquals(NonceCache.DEFAULT_CAPACITY, cache.size());
    int before = exchanges.get();
    assertEquals(200, get(client, "http://h" + (hosts - 1) + ".test/x"));
    assertEquals(1, exchanges.get() - before, "the most recent host's nonce is still cached");
    before = exchanges.get();
    assertEquals(200, get(client, "http://h0.test/x"));
    assertEquals(2, exchanges.get() - before, "the oldest host was dropped and challenged again");
  }

  @Test
  void thousandsOfRealmsOnOneOriginKeepAtMostSixteen() throws IOException {
    OkHttpClient client = client();
    for (int i = 0; i < 2000; i++) {
      assertEquals(200, get(client, "http://h0.test/x"));
      clock.advance(Duration.ofMinutes(6)); // the nonce expires: the next call is challenged
    }
    assertEquals(2000, realms.get());
    int held = cache.entry(Origin.of(HttpUrl.get("http://h0.test/"))).realms();
    assertTrue(held >= 1 && held <= OriginEntry.MAX_REALMS, "realms held: " + held);
    assertEquals(1, cache.size());
  }
}
