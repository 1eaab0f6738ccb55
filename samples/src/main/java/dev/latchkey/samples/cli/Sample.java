package dev.latchkey.samples.cli;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.logging.Redactor;
import java.io.IOException;
import java.io.PrintStream;
import okhttp3.OkHttpClient;

/**
 * One sample API as the CLI sees it: a simulator to run, a generated client to call through, and a
 * demo story. Each sample package ({@code ondemand}, {@code xandr}, {@code mediasilo}) has one.
 */
public interface Sample {

  /** The CLI name: {@code ondemand}, {@code xandr} or {@code mediasilo}. */
  String name();

  /** Starts this sample's simulator on loopback as {@code options} say (port, account, lifetimes). */
  RunningSimulator simulate(Options options) throws IOException;

  /**
   * Builds the generated client for {@code call}: base URL from {@code --base-url} or {@code --env},
   * credentials from {@code --user} and the environment variable named by {@code --password-env}.
   * {@code base} carries the CLI's counting interceptors; {@code listener} counts logins.
   */
  SampleCall client(Options options, OkHttpClient base, AuthEventListener listener)
      throws IOException;

  /**
   * Teaches {@code redactor} this API's own secret headers and fields, for {@code call --verbose}.
   * The default adds nothing: the redactor already knows the usual credential headers and fields.
   */
  default void redact(Redactor redactor) {}

  /**
   * Runs the demo story against a fresh simulator (first call, reuse, expiry and renewal, wrong
   * password), printing a readable report to {@code out}. Returns true only if every step worked.
   */
  boolean demo(PrintStream out) throws Exception;
}
