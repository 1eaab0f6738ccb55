package dev.latchkey.samples.cli;

import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The OkHttp client under every client the {@code demo} stories build, so that one switch can
 * watch every exchange they make: the secret scan runs the stories with full request and response
 * logging through here. Without a hook installed nothing changes (a null base stays null, and
 * the Latchkey client then owns its OkHttp client as before).
 */
public final class DemoWire {
  private static volatile UnaryOperator<OkHttpClient.Builder> hook;

  private DemoWire() {}

  /** {@code baseOrNull} as is, or extended by the installed hook. */
  public static OkHttpClient base(OkHttpClient baseOrNull) {
    UnaryOperator<OkHttpClient.Builder> current = hook;
    if (current == null) {
      return baseOrNull;
    }
    return current
        .apply(baseOrNull == null ? new OkHttpClient.Builder() : baseOrNull.newBuilder())
        .build();
  }

  /** Installs {@code extension} for the demo clients built from now on; null removes it. */
  static void install(UnaryOperator<OkHttpClient.Builder> extension) {
    hook = extension;
  }
}
