package dev.latchkey.samples.ondemand;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.UserPassword;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Builds the generated On-Demand client the way the CLI and the demo need it. */
final class OnDemandClients {
  private OnDemandClients() {}

  /**
   * A client for {@code baseUrl}, or else the declared environment {@code environment}, on top of
   * {@code base} (the CLI's counting interceptor), reporting to {@code listener}.
   */
  static OnDemandApi create(
      String baseUrl,
      String environment,
      Supplier<UserPassword> credentials,
      OkHttpClient base,
      AuthEventListener listener,
      TlsFlags tls) {
    LatchkeyOnDemandApi.Builder builder = LatchkeyOnDemandApi.builder()
        .okHttpClient(base)
        .eventListener(listener)
        .credentials(credentials);
    // The generated client applies its own pins (the annotation's) over the base client's, so
    // the CLI's --pin and --trust-pem must reach it through its builder.
    if (tls.trustPem() != null) {
      builder.trustPem(tls.trustPem());
    }
    if (!tls.pins().isEmpty() && baseUrl != null) {
      builder.pins(okhttp3.HttpUrl.get(baseUrl).host(), tls.pins().toArray(new String[0]));
    }
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    } else {
      builder.environment(environment);
    }
    return builder.build();
  }
}
