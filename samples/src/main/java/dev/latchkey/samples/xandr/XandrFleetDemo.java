package dev.latchkey.samples.xandr;

import dev.latchkey.redis.RedisSessionStore;
import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * The fleet story, told when a Redis answers ({@code $LATCHKEY_REDIS_URL}, else {@code
 * redis://127.0.0.1:6379}): eight workers, each with its own client, OkHttp client and Redis
 * connection, sixteen threads each, share one Xandr login; a worker started later adopts it. Each
 * run uses a fresh user, so keys left by an earlier run never mix in. Without Redis it is skipped.
 */
final class XandrFleetDemo {
  /** Names the Redis the demo's fleet story uses. */
  static final String REDIS_ENV = "LATCHKEY_REDIS_URL";

  private static final String DEFAULT_REDIS = "redis://127.0.0.1:6379";
  private static final int WORKERS = 8;
  private static final int THREADS = 16;
  private static final int CALLS = 4;

  private final PrintStream out;
  private final String redis;
  private boolean allWorked = true;

  XandrFleetDemo(PrintStream out, String redisOrNull) {
    this.out = out;
    this.redis = redisOrNull == null || redisOrNull.isBlank() ? DEFAULT_REDIS : redisOrNull;
  }

  /** Tells the story, or says in one line why not; true unless a step failed. */
  boolean run() throws Exception {
    if (!answersPing(redis)) {
      out.println("xandr fleet: skipped, no Redis answers at "
          + redis
          + " (start redis-server or set "
          + REDIS_ENV
          + ")");
      return true;
    }
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    XandrSimulatorConfig d = XandrSimulatorConfig.defaults();
    XandrSimulatorConfig config = new XandrSimulatorConfig(
        "fleet-" + HexFormat.of().formatHex(random),
        d.password(),
        d.userId(),
        d.tokenIdle(),
        d.tokenMax(),
        d.loginLimit(),
        d.loginWindow(),
        0);
    try (XandrSimulator sim = XandrSimulator.start(config, Clock.systemUTC())) {
      out.println(
          "xandr fleet: " + WORKERS + " workers sharing " + redis + ", simulator at " + sim.url());
      List<Worker> fleet = new ArrayList<>();
      try {
        for (int i = 0; i < WORKERS; i++) {
          fleet.add(new Worker(sim, config));
        }
        int failed = callTogether(fleet);
        check(
            WORKERS
                + " workers x "
                + THREADS
                + " threads, "
                + WORKERS * THREADS * CALLS
                + " calls started"
                + " together: "
                + sim.logins()
                + " login between them, "
                + failed
                + " failed",
            sim.logins() == 1 && failed == 0);
        Worker late = new Worker(sim, config);
        fleet.add(late);
        boolean ok = late.api.member().execute().isSuccessful();
        check(
            "a ninth worker started later adopts the shared token: still "
                + sim.logins()
                + " login",
            ok && sim.logins() == 1);
        long unavailable = fleet.stream()
            .flatMap(w -> w.events.stream())
            .filter(e -> e.type() == AuthEvent.Type.STORE_UNAVAILABLE)
            .count();
        check("Redis answered every worker (no local fallback)", unavailable == 0);
      } finally {
        for (Worker w : fleet) {
          w.close();
        }
      }
    }
    return allWorked;
  }

  private int callTogether(List<Worker> fleet) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS * THREADS);
    AtomicInteger failed = new AtomicInteger();
    try {
      CyclicBarrier together = new CyclicBarrier(WORKERS * THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (Worker w : fleet) {
        for (int t = 0; t < THREADS; t++) {
          done.add(pool.submit(() -> {
            together.await(60, TimeUnit.SECONDS);
            for (int i = 0; i < CALLS; i++) {
              try {
                if (!w.api.member().execute().isSuccessful()) {
                  failed.incrementAndGet();
                }
              } catch (IOException e) {
                failed.incrementAndGet();
              }
            }
            return null;
          }));
        }
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return failed.get();
  }

  /** One worker: its own OkHttp client, Redis connection and generated client. */
  private final class Worker {
    final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    final OkHttpClient http = new OkHttpClient();
    final RedisSessionStore store;
    final LatchkeyXandrApi api;

    Worker(XandrSimulator sim, XandrSimulatorConfig config) {
      store = RedisSessionStore.builder(redis).eventListener(events::add).build();
      api = LatchkeyXandrApi.builder()
          .baseUrl(sim.url().toString())
          .credentials(() -> new UserPassword(config.user(), config.password()))
          .okHttpClient(http)
          .eventListener(events::add)
          .sessionStore(store)
          .build();
    }

    void close() throws IOException {
      try {
        api.close();
      } finally {
        store.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
    }
  }

  private void check(String what, boolean worked) {
    out.println("  " + (worked ? "ok   " : "FAIL ") + what);
    allWorked &= worked;
  }

  /** A raw {@code PING} with short timeouts, so a missing Redis costs the demo half a second. */
  static boolean answersPing(String redisUri) {
    try {
      URI uri = URI.create(redisUri);
      if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
        return false;
      }
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 500);
        socket.setSoTimeout(500);
        socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] answer = socket.getInputStream().readNBytes(5);
        return new String(answer, StandardCharsets.US_ASCII).equals("+PONG");
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
