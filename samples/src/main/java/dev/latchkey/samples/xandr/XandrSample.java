package dev.latchkey.samples.xandr;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.samples.cli.Options;
import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.cli.Sample;
import dev.latchkey.samples.cli.SampleCall;
import dev.latchkey.samples.cli.SessionStores;
import dev.latchkey.samples.sim.SimTls;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Response;

/** The Xandr sample for the CLI: {@code simulate xandr}, {@code call xandr PATH}, and its demo. */
public final class XandrSample implements Sample {

  @Override
  public String name() {
    return "xandr";
  }

  @Override
  public RunningSimulator simulate(Options options) throws IOException {
    return XandrSimulator.start(
        XandrSimulatorConfig.from(options), Clock.systemUTC(), SimTls.fromOptions(options));
  }

  @Override
  public SampleCall client(Options options, OkHttpClient base, AuthEventListener listener) {
    String user = options.get("--user", XandrSimulatorConfig.DEFAULT_USER);
    String password =
        options.secretFromEnv("--password-env", XandrSimulatorConfig.DEFAULT_PASSWORD);
    LatchkeyXandrApi.Builder builder = LatchkeyXandrApi.builder()
        .credentials(() -> new UserPassword(user, password))
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
      builder.environment(options.get("--env", "digital-platform"));
    }
    LatchkeyXandrApi client = builder.build();
    return call(client, () -> {
      try {
        client.close();
      } finally {
        if (store != null) {
          SessionStores.close(store);
        }
      }
    });
  }

  /** Wraps {@code api} as the CLI's one operation; {@code resources} is closed with it. */
  static SampleCall call(XandrApi api, java.io.Closeable resources) {
    return new SampleCall() {
      @Override
      public String get(String path) throws IOException {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        Response<ResponseBody> response = api.get(relative).execute();
        try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
          String text = body == null ? "" : body.string();
          if (!response.isSuccessful()) {
            throw new IOException(
                "GET " + relative + " answered HTTP " + response.code() + ": " + text);
          }
          return text;
        }
      }

      @Override
      public void close() throws IOException {
        resources.close();
      }
    };
  }

  @Override
  public boolean demo(PrintStream out) throws Exception {
    boolean story = new XandrDemo(out).run();
    boolean fleet = new XandrFleetDemo(out, System.getenv(XandrFleetDemo.REDIS_ENV)).run();
    return story && fleet;
  }
}
