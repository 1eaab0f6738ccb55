package dev.latchkey.samples.mediasilo;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.header.HeaderAuthMode;
import dev.latchkey.runtime.logging.Redactor;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.samples.cli.DemoWire;
import dev.latchkey.samples.cli.Options;
import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.cli.Sample;
import dev.latchkey.samples.cli.SampleCall;
import dev.latchkey.samples.cli.SampleCalls;
import dev.latchkey.samples.cli.SessionStores;
import dev.latchkey.samples.sim.SimClock;
import dev.latchkey.samples.sim.SimTls;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Response;

/** The MediaSilo sample as the CLI sees it: simulator, client ({@code --mode basic|session}) and demo. */
public final class MediaSiloSample implements Sample {

  @Override
  public String name() {
    return "mediasilo";
  }

  @Override
  public RunningSimulator simulate(Options options) throws IOException {
    return MediaSiloSimulator.start(
        SimulatorAccount.from(options),
        Clock.systemUTC(),
        options.integer("--port", 0),
        SimTls.fromOptions(options));
  }

  @Override
  public SampleCall client(Options options, OkHttpClient base, AuthEventListener listener) {
    SimulatorAccount account = SimulatorAccount.from(options);
    LatchkeyMediaSiloApi.Builder builder = LatchkeyMediaSiloApi.builder()
        .hostContext(account.hostContext())
        .apiKey(account.apiKey())
        .mode(mode(options.get("--mode", "session")))
        .credentials(() -> new UserPassword(account.user(), account.password()))
        .okHttpClient(base)
        .eventListener(listener);
    String spec = options.get("--store", null);
    SessionStore store = spec == null ? null : SessionStores.open(spec, listener);
    if (store != null) {
      builder.sessionStore(store);
    }
    String baseUrl = options.get("--base-url", null);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    } else {
      builder.environment(options.get("--env", "production"));
    }
    LatchkeyMediaSiloApi client = builder.build();
    MediaSiloApi api = client;
    return new SampleCall() {
      @Override
      public String get(String path) throws IOException {
        Response<ResponseBody> response = api.get(SampleCalls.relative(path)).execute();
        try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
          if (!response.isSuccessful()) {
            throw new IOException("GET " + path + " answered HTTP " + response.code());
          }
          return body == null ? "" : body.string();
        }
      }

      @Override
      public void close() throws IOException {
        try {
          client.close();
        } finally {
          if (store != null) {
            SessionStores.close(store);
          }
        }
      }
    };
  }

  /**
   * The declared headers, and the session answer's {@code id}: it is the session key (keyPointer
   * {@code /id}), so every {@code id} field is masked, projects' too; over-masking a log is safe.
   */
  @Override
  public void redact(Redactor redactor) {
    redactor
        .redactHeader(MediaSiloSimulator.HOST_CONTEXT)
        .redactHeader(MediaSiloSimulator.API_KEY)
        .redactHeader(MediaSiloSimulator.APPLICATION_KEY)
        .redactHeader(MediaSiloSimulator.SESSION_KEY)
        .redactField("id");
  }

  static HeaderAuthMode mode(String flag) {
    return switch (flag.toLowerCase(Locale.ROOT)) {
      case "basic" -> HeaderAuthMode.BASIC;
      case "session" -> HeaderAuthMode.SESSION;
      default ->
        throw new Options.UsageException("--mode takes basic or session, not '" + flag + "'");
    };
  }

  @Override
  public boolean demo(PrintStream out) throws Exception {
    SimClock clock = new SimClock();
    SimulatorAccount account = SimulatorAccount.DEMO;
    try (MediaSiloSimulator simulator = MediaSiloSimulator.start(account, clock, 0)) {
      return new Demo(out, simulator, clock, account).run();
    }
  }

  /** The story, one numbered step per line. */
  private static final class Demo {
    private final PrintStream out;
    private final MediaSiloSimulator simulator;
    private final SimClock clock;
    private final SimulatorAccount account;
    private boolean allOk = true;

    Demo(PrintStream out, MediaSiloSimulator simulator, SimClock clock, SimulatorAccount account) {
      this.out = out;
      this.simulator = simulator;
      this.clock = clock;
      this.account = account;
    }

    boolean run() throws IOException {
      out.println("mediasilo: header auth against " + simulator.baseUrl());
      LatchkeyMediaSiloApi session = client(account, HeaderAuthMode.SESSION);
      MediaSiloApi api = session;
      Me me = api.me().execute().body();
      check(
          "first call creates one session (user " + (me == null ? "?" : me.userName()) + ")",
          me != null && simulator.logins() == 1);
      int projects = api.projects().execute().body().size();
      check("second call reuses it (" + projects + " projects)", simulator.logins() == 1);
      clock.advance(Duration.ofMinutes(61));
      boolean renewed = api.me().execute().isSuccessful();
      check(
          "after 61 idle minutes the client renews before calling: no rejection",
          renewed && simulator.logins() == 2 && simulator.rejected() == 0);
      session.close();
      check("close ends the session (DELETE /v3/session/{id})", simulator.sessionsEnded() == 1);
      try (LatchkeyMediaSiloApi basic = client(account, HeaderAuthMode.BASIC)) {
        boolean ok = basic.me().execute().isSuccessful();
        check(
            "Basic mode: credentials on every request, no session", ok && simulator.logins() == 2);
      }
      expectRefusal(
          "wrong API key",
          new SimulatorAccount(
              account.user(),
              account.password(),
              account.hostContext(),
              "not-the-key",
              account.sessionIdle()));
      expectRefusal(
          "wrong password",
          new SimulatorAccount(
              account.user(),
              "wrong-password",
              account.hostContext(),
              account.apiKey(),
              account.sessionIdle()));
      out.println("mediasilo: " + (allOk ? "all steps worked" : "SOME STEPS FAILED"));
      return allOk;
    }

    private void expectRefusal(String what, SimulatorAccount wrong) throws IOException {
      try (LatchkeyMediaSiloApi client = client(wrong, HeaderAuthMode.SESSION)) {
        client.me().execute();
        check(what + ": refused", false);
      } catch (AuthenticationFailedException e) {
        check(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), true);
      }
    }

    private LatchkeyMediaSiloApi client(SimulatorAccount credentials, HeaderAuthMode mode) {
      LatchkeyMediaSiloApi.Builder builder = LatchkeyMediaSiloApi.builder()
          .baseUrl(simulator.baseUrl())
          .hostContext(credentials.hostContext())
          .apiKey(credentials.apiKey())
          .credentials(() -> new UserPassword(credentials.user(), credentials.password()))
          .mode(mode)
          .clock(clock);
      OkHttpClient base = DemoWire.base(null); // the CLI's wire hook, when one is set
      if (base != null) {
        builder.okHttpClient(base);
      }
      return builder.build();
    }

    private void check(String step, boolean ok) {
      allOk &= ok;
      out.println("  " + (ok ? "ok   " : "FAIL ") + step);
    }
  }
}
