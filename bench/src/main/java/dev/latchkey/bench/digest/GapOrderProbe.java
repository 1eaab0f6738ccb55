package dev.latchkey.bench.digest;

import java.time.Duration;

/**
 * The gap bench's former protocol, in a fresh JVM: each client in the order given warms with
 * {@code warm} requests and is then measured, one after the other. Run once with Latchkey before
 * okhttp-digest and once after, it shows what the order alone does: the first OkHttp client pays
 * for compiling OkHttp's code, which both share. Prints one {@code sample} line per client for
 * the harness.
 *
 * <p>Arguments: the httpd URL (its user and password are {@link HttpdGapBench}'s), warm-up
 * requests, measured requests, then the client names in order.
 */
public final class GapOrderProbe {
  static final String PREFIX = "sample\t";

  private GapOrderProbe() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int warm = Integer.parseInt(args[1]);
    int requests = Integer.parseInt(args[2]);
    for (int i = 3; i < args.length; i++) {
      String name = args[i];
      try (LoadClient client = Anchors.create(
          name, url, HttpdGapBench.USER, HttpdGapBench.PASSWORD, Duration.ofSeconds(300))) {
        LoadClient.Caller caller = client.caller();
        GapSample.measure(caller, warm);
        System.out.println(
            PREFIX + name + "\t" + GapSample.measure(caller, requests).line());
      }
    }
  }
}
