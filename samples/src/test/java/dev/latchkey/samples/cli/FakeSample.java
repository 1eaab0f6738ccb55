package dev.latchkey.samples.cli;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.samples.sim.SimServer;
import dev.latchkey.samples.sim.SimStats;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A sample whose "auth" is a header it adds after one 401 per call, reporting a LOGIN each time:
 * every call costs two round trips, one rejection and one login, so the CLI's counts are known.
 * Its server answers 500 for {@code /broken}.
 */
class FakeSample implements Sample {
  @Override
  public String name() {
    return "fake";
  }

  @Override
  public RunningSimulator simulate(Options options) throws IOException {
    SimStats stats = new SimStats();
    return SimServer.start("fake", options.integer("--port", 0), stats, exchange -> {
      if (exchange.getRequestURI().getPath().equals("/broken")) {
        SimServer.send(exchange, 500, "text/plain", "boom");
      } else if (exchange.getRequestHeaders().getFirst("X-Auth") == null) {
        stats.increment(SimStats.REJECTED);
        SimServer.send(exchange, 401, "text/plain", "who are you");
      } else {
        SimServer.send(
            exchange, 200, "text/plain", "hello " + exchange.getRequestURI().getPath());
      }
    });
  }

  @Override
  public SampleCall client(Options options, OkHttpClient base, AuthEventListener listener) {
    String baseUrl = options.get("--base-url", null);
    return new SampleCall() {
      @Override
      public String get(String path) throws IOException {
        String url = baseUrl + SampleCalls.relative(path);
        try (Response first =
            base.newCall(new Request.Builder().url(url).build()).execute()) {
          if (first.code() != 401) {
            throw new HttpStatusException(first.code(), "GET " + url);
          }
          // Read, not just closed: closing an unread body discards it with a 100 ms limit, and on
          // a loaded machine the server's body can come later, costing the connection.
          first.body().string();
        }
        listener.onEvent(new AuthEvent(AuthEvent.Type.LOGIN, "", "", Instant.EPOCH));
        Request authed = new Request.Builder().url(url).header("X-Auth", "yes").build();
        try (Response second = base.newCall(authed).execute()) {
          if (!second.isSuccessful()) {
            throw new HttpStatusException(second.code(), "GET " + url);
          }
          return second.body().string();
        }
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean demo(PrintStream out) {
    out.println("fake story");
    return true;
  }
}
