package dev.latchkey.runtime.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestScheme;
import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many calls on one client leave memory flat: after a warm-up, the heap retained after a full GC
 * grows by less than a generous margin over 100 000 calls per engine (a leak of 100 bytes a call
 * would show). The engine runs whole, its interceptors and state, against an in-memory server
 * (an interceptor at the end of the chain), so the figure is the engine's, not the network's.
 * {@code -Dlatchkey.soak=true} makes it one million calls (docs/fuzzing.md has the figures).
 * Not a timing test: nothing here asserts how fast.
 */
class MemoryFlatTest {
  private static final boolean SOAK = Boolean.getBoolean("latchkey.soak");
  private static final int CALLS = SOAK ? 1_000_000 : 100_000;
  private static final int WARM_UP = 20_000;
  private static final long MARGIN_BYTES = 8L << 20;
  private static final HttpUrl BASE = HttpUrl.get("https://api.example.test/v3/");

  static Stream<Arguments> engines() {
    Supplier<AuthScheme> digest = () -> DigestScheme.builder()
        .credentials(() -> new UserPassword("robot", "digest-pw"))
        .build();
    Supplier<AuthScheme> token = () -> SessionHostileTest.xandr().build();
    Supplier<AuthScheme> header = () -> SessionHostileTest.mediaSilo().build();
    return Stream.of(
        Arguments.of("digest", digest),
        Arguments.of("token", token),
        Arguments.of("header", header));
  }

  /** Challenges the very first request, logs in and creates sessions, answers the rest 200. */
  static final class Server implements Interceptor {
    final AtomicLong exchanges = new AtomicLong();

    @Override
    public Response intercept(Chain chain) {
      long n = exchanges.incrementAndGet();
      Request request = chain.request();
      String path = request.url().encodedPath();
      Response.Builder response = new Response.Builder()
          .request(request)
          .protocol(Protocol.HTTP_1_1)
          .message("x")
          .code(200);
      String body = "{}";
      if (n == 1
          && request.header("Authorization") == null
          && !path.endsWith("/auth")
          && !path.endsWith("/session")) {
        response
            .code(401)
            .header("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n0\", qop=\"auth\"");
      } else if (path.endsWith("/auth")) {
        body = "{\"response\":{\"status\":\"OK\",\"token\":\"tok-" + n + "\"}}";
      } else if (path.endsWith("/session")) {
        body = "{\"id\":\"sess-" + n + "\"}";
      } else if (n % 1000 == 0) {
        response.header("Authentication-Info", "nextnonce=\"n" + n + "\"");
      }
      return response.body(ResponseBody.create(body, null)).build();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void retainedHeapStaysFlat(String name, Supplier<AuthScheme> scheme) throws Exception {
    Server server = new Server();
    OkHttpClient plain = new OkHttpClient.Builder().addInterceptor(server).build();
    AuthContext context = new AuthContext(
        name,
        BASE,
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")),
        AuthEventListener.NONE,
        plain);
    OkHttpClient.Builder builder = plain.newBuilder();
    builder.interceptors().clear();
    try (Closeable resources = scheme.get().install(context, builder)) {
      OkHttpClient client = builder.addInterceptor(server).build();
      Request request = new Request.Builder().url(BASE.resolve("me")).build();
      calls(client, request, WARM_UP);
      long before = retainedHeap();
      long exchangesBefore = server.exchanges.get();
      calls(client, request, CALLS);
      long after = retainedHeap();
      long growth = after - before;
      System.out.printf(
          "memory %s: %d calls, %d exchanges, retained heap %d KiB -> %d KiB"
              + " (growth %d KiB)%n",
          name,
          CALLS,
          server.exchanges.get() - exchangesBefore,
          before >> 10,
          after >> 10,
          growth >> 10);
      assertEquals(CALLS, server.exchanges.get() - exchangesBefore, "one exchange per warm call");
      assertTrue(
          growth < MARGIN_BYTES,
          name + ": retained heap grew by " + (growth >> 10) + " KiB over " + CALLS + " calls");
    }
  }

  static Stream<Arguments> originBoundEngines() {
    return engines().filter(arguments -> !arguments.get()[0].equals("digest"));
  }

  /**
   * The token and header engines keep state for their one origin: calls to thousands of other
   * hosts (absolute URLs) carry none of the credentials, start no login and add no session.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("originBoundEngines")
  void thousandsOfOtherHostsGetNothingAndCostNothing(String name, Supplier<AuthScheme> scheme)
      throws Exception {
    Server server = new Server();
    java.util.List<Request> elsewhere = new java.util.concurrent.CopyOnWriteArrayList<>();
    Interceptor recording = chain -> {
      if (!chain.request().url().host().equals(BASE.host())) {
        elsewhere.add(chain.request());
      }
      return server.intercept(chain);
    };
    OkHttpClient plain = new OkHttpClient.Builder().addInterceptor(recording).build();
    AuthContext context = new AuthContext(
        name,
        BASE,
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")),
        AuthEventListener.NONE,
        plain);
    OkHttpClient.Builder builder = plain.newBuilder();
    builder.interceptors().clear();
    try (Closeable resources = scheme.get().install(context, builder)) {
      OkHttpClient client = builder.addInterceptor(recording).build();
      calls(client, new Request.Builder().url(BASE.resolve("me")).build(), 1);
      long before = server.exchanges.get();
      for (int i = 0; i < 3000; i++) {
        calls(
            client,
            new Request.Builder().url("https://h" + i + ".example.org/me").build(),
            1);
      }
      assertEquals(3000, server.exchanges.get() - before, "no login, no session for other hosts");
      assertEquals(3000, elsewhere.size());
      for (Request request : elsewhere) {
        for (String header : List.of(
            "Authorization",
            "MediaSiloApiKey",
            "MediaSiloSessionKey",
            "MediaSiloHostContext",
            "Cookie")) {
          assertEquals(
              null,
              request.header(header),
              name + ": " + header + " went to " + request.url().host());
        }
      }
    }
  }

  private static void calls(OkHttpClient client, Request request, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      try (Response response = client.newCall(request).execute()) {
        if (response.code() != 200) {
          throw new AssertionError("call " + i + " answered " + response.code());
        }
      }
    }
  }

  private static long retainedHeap() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(
          used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
