package dev.latchkey.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEventListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: {@code call --concurrency C} keeps one idle connection per thread, so no call opens a
 * connection because another went idle and was closed (OkHttp keeps 5 by default). Counts the
 * distinct connections the calls used: never more than the threads, however the threads interleave.
 */
class CallConnectionsTest {
  private static final int THREADS = 16;

  @Test
  void sixteenThreadsUseAtMostSixteenConnections() throws Exception {
    Set<Object> connections = ConcurrentHashMap.newKeySet();
    FakeSample fake = new FakeSample();
    Sample counting = new Sample() {
      @Override
      public String name() {
        return fake.name();
      }

      @Override
      public RunningSimulator simulate(Options options) throws IOException {
        return fake.simulate(options);
      }

      @Override
      public SampleCall client(Options options, OkHttpClient base, AuthEventListener listener)
          throws IOException {
        // Same pool as base: the interceptor sees the connections the CLI's client uses.
        OkHttpClient watched = base.newBuilder()
            .addNetworkInterceptor(chain -> {
              connections.add(chain.connection());
              return chain.proceed(chain.request());
            })
            .build();
        return fake.client(options, watched, listener);
      }

      @Override
      public boolean demo(PrintStream out) {
        return fake.demo(out);
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RunningSimulator sim = fake.simulate(Options.parse(List.of("--port", "0"), List.of()))) {
      Options options = Options.parse(
          List.of(
              "/greeting",
              "--base-url",
              sim.url().toString(),
              "--repeat",
              "800",
              "--concurrency",
              String.valueOf(THREADS),
              "--quiet"),
          CallCommand.SWITCHES);
      int code = CallCommand.run(
          counting,
          options,
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
    }
    assertTrue(
        connections.size() <= THREADS,
        connections.size() + " connections for " + THREADS + " threads");
  }
}
