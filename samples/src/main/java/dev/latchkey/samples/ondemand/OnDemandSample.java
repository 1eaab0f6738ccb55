package dev.latchkey.samples.ondemand;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.cli.Options;
import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.cli.Sample;
import dev.latchkey.samples.cli.SampleCall;
import dev.latchkey.samples.cli.SampleCalls;
import dev.latchkey.samples.cli.Secrets;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import okhttp3.OkHttpClient;

/**
 * The On-Demand sample for the CLI: {@code simulate ondemand} runs {@link OnDemandSimulator},
 * {@code call ondemand PATH} goes through the generated {@code LatchkeyOnDemandApi}, and {@code
 * demo} tells the digest story with {@link OnDemandDemo}.
 */
public final class OnDemandSample implements Sample {

  @Override
  public String name() {
    return "ondemand";
  }

  @Override
  public RunningSimulator simulate(Options options) throws IOException {
    return OnDemandSimulator.start(options);
  }

  @Override
  public SampleCall client(Options options, OkHttpClient base, AuthEventListener listener) {
    String user = options.get("--user", OnDemandSimulator.DEFAULT_USER);
    char[] password = Secrets.read(
        options, "--password-env", "password for " + user, OnDemandSimulator.DEFAULT_PASSWORD);
    UserPassword account = new UserPassword(user, password);
    Arrays.fill(password, '\0');
    OnDemandApi api = OnDemandClients.create(
        options.get("--base-url", null),
        options.get("--env", null),
        () -> account,
        base,
        listener,
        TlsFlags.from(options));
    return new SampleCall() {
      @Override
      public String get(String path) throws IOException {
        return SampleCalls.body(api.get(SampleCalls.relative(path)));
      }

      @Override
      public void close() throws IOException {
        ((Closeable) api).close();
      }
    };
  }

  @Override
  public boolean demo(PrintStream out) throws Exception {
    return new OnDemandDemo(out).run();
  }
}
