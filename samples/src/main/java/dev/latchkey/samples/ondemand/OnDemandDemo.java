package dev.latchkey.samples.ondemand;

import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.cli.CallCounters;
import dev.latchkey.samples.cli.DemoReport;
import dev.latchkey.samples.cli.DemoWire;
import dev.latchkey.samples.sim.SimServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The On-Demand demo story against fresh simulators: first call (challenge + call), reuse (one
 * exchange per call), expiry and renewal (a nonce outlives a short server lifetime; the next call
 * still succeeds with one extra exchange), wrong password (a typed failure after two exchanges).
 */
final class OnDemandDemo {
  private static final int REUSE_CALLS = 5;
  private static final Duration SHORT_LIFETIME = Duration.ofSeconds(2);

  private final PrintStream out;
  private final DemoReport report;

  OnDemandDemo(PrintStream out) {
    this.out = out;
    this.report = new DemoReport(out);
  }

  boolean run() throws IOException, InterruptedException {
    char[] password = OnDemandSimulator.DEMO_PASSWORD.toCharArray();
    try (SimServer sim = start(password, Duration.ofMinutes(5))) {
      out.println("  simulator " + sim.url() + " (account " + OnDemandSimulator.DEFAULT_USER
          + ", nonce lifetime PT5M)");
      firstCallAndReuse(sim, password);
      wrongPassword(sim);
    }
    try (SimServer sim = start(password, SHORT_LIFETIME)) {
      out.println("  simulator " + sim.url() + " (nonce lifetime " + SHORT_LIFETIME + ")");
      expiry(sim, password);
    }
    return report.allOk();
  }

  private static SimServer start(char[] password, Duration lifetime) throws IOException {
    return OnDemandSimulator.start(
        0, OnDemandSimulator.DEFAULT_USER, password, lifetime, Clock.systemUTC());
  }

  private void firstCallAndReuse(SimServer sim, char[] password) throws IOException {
    CallCounters counters = new CallCounters();
    try (Client client = client(sim, password, counters)) {
      Products products = client.api.products().execute().body();
      report.step(
          "first call",
          products != null && !products.items().isEmpty() && counters.roundTrips() == 2,
          (products == null ? 0 : products.items().size()) + " products; " + counts(counters)
              + " (challenge + call)");
      long before = counters.roundTrips();
      for (int i = 0; i < REUSE_CALLS; i++) {
        client.api.products().execute();
      }
      long used = counters.roundTrips() - before;
      report.step(
          "reuse",
          used == REUSE_CALLS,
          REUSE_CALLS + " calls, " + used + " round trips (cached nonce, nc counts up)");
    }
    report.note("server: " + sim.stats().snapshot());
  }

  private void expiry(SimServer sim, char[] password) throws IOException, InterruptedException {
    CallCounters counters = new CallCounters();
    try (Client client = client(sim, password, counters)) {
      client.api.products().execute();
      Thread.sleep(SHORT_LIFETIME.plusMillis(500).toMillis()); // let the server's nonce run out
      long before = counters.roundTrips();
      boolean ok = client.api.products().execute().isSuccessful();
      long used = counters.roundTrips() - before;
      report.step(
          "expiry and renewal",
          ok && used == 2,
          "after " + SHORT_LIFETIME.plusMillis(500).toMillis() + " ms: call ok=" + ok + ", " + used
              + " round trips (stale=true, fresh nonce, call)");
    }
    report.note("server: " + sim.stats().snapshot());
  }

  private void wrongPassword(SimServer sim) throws IOException {
    CallCounters counters = new CallCounters();
    try (Client client = client(sim, "not-the-password".toCharArray(), counters)) {
      String outcome;
      boolean typed = false;
      try {
        client.api.products().execute();
        outcome = "no exception";
      } catch (AuthenticationFailedException e) {
        typed = true;
        outcome = e.getClass().getSimpleName();
      } catch (IOException e) {
        outcome = "untyped " + e.getClass().getSimpleName();
      }
      report.step(
          "wrong password",
          typed && counters.roundTrips() == 2,
          outcome + " after " + counters.roundTrips() + " round trips");
    }
  }

  private static String counts(CallCounters counters) {
    return "round_trips=" + counters.roundTrips() + " rejected=" + counters.rejected();
  }

  private static Client client(SimServer sim, char[] password, CallCounters counters) {
    UserPassword account = new UserPassword(OnDemandSimulator.DEFAULT_USER, password);
    OkHttpClient base =
        DemoWire.base(new OkHttpClient.Builder().addNetworkInterceptor(counters).build());
    return new Client(
        OnDemandClients.create(
            sim.url().toString(), null, () -> account, base, counters, TlsFlags.NONE),
        base);
  }

  /** A demo client and the OkHttp client under it, closed together. */
  private static final class Client implements Closeable {
    final OnDemandApi api;
    private final OkHttpClient base;

    Client(OnDemandApi api, OkHttpClient base) {
      this.api = api;
      this.base = base;
    }

    @Override
    public void close() throws IOException {
      try {
        ((Closeable) api).close();
      } finally {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
      }
    }
  }
}
