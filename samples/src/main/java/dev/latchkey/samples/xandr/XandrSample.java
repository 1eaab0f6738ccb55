package dev.latchkey.samples.xandr;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.samples.cli.Options;
import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.cli.Sample;
import dev.latchkey.samples.cli.SampleCall;
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
    return XandrSimulator.start(XandrSimulatorConfig.from(options), Clock.systemUTC());
  }

  @Override
  public SampleCall client(Options options, OkHttpClient base, AuthEventListener listener) {
    String user = options.get("--user", XandrSimulatorConfig.DEFAULT_USER);
    String password = options.secretFromEnv("--password-env", XandrSimulatorConfig.DEFAULT_PASSWORD);
    LatchkeyClient client = XandrClients.build(
        options.get("--base-url", null), options.get("--env", null),
        XandrClients.scheme().credentials(XandrClients.credentials(user, password)).build(),
        base, Clock.systemUTC(), listener);
    return call(client);
  }

  /** Wraps a client as the CLI's one operation; the client is closed with it. */
  static SampleCall call(LatchkeyClient client) {
    XandrApi api = client.create(XandrApi.class);
    return new SampleCall() {
      @Override
      public String get(String path) throws IOException {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        Response<ResponseBody> response = api.get(relative).execute();
        try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
          String text = body == null ? "" : body.string();
          if (!response.isSuccessful()) {
            throw new IOException("GET " + relative + " answered HTTP " + response.code() + ": " + text);
          }
          return text;
        }
      }

      @Override
      public void close() throws IOException {
        client.close();
      }
    };
  }

  @Override
  public boolean demo(PrintStream out) throws Exception {
    return new XandrDemo(out).run();
  }
}
