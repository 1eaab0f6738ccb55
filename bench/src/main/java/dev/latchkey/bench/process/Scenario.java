package dev.latchkey.bench.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One auth kind against one server, and how each client calls it: the samples' {@code call} (as
 * {@code java -jar latchkey-samples.jar call ...} runs it) and the {@link Baseline} programs.
 *
 * @param kind digest, token or header
 * @param server what serves it (a simulator's name, or httpd)
 * @param sample the CLI's sample name
 * @param baseUrl the API's base URL, ending in {@code /}
 * @param path the resource every call GETs
 * @param user the account's user
 * @param password the account's password (handed over in the environment, never on a command line)
 * @param cliOptions further {@code call} options
 */
record Scenario(
    String kind,
    String server,
    String sample,
    String baseUrl,
    String path,
    String user,
    String password,
    List<String> cliOptions) {
  static final String PASSWORD_ENV = "BASELINE_PASSWORD";

  Map<String, String> env() {
    return Map.of("BASELINE_USER", user, PASSWORD_ENV, password);
  }

  /** The CLI's arguments for {@code repeat} calls on {@code concurrency} threads. */
  List<String> cliArgs(int repeat, int concurrency) {
    List<String> args = new ArrayList<>(List.of(
        "call",
        sample,
        path,
        "--base-url",
        baseUrl,
        "--user",
        user,
        "--password-env",
        PASSWORD_ENV,
        "--repeat",
        String.valueOf(repeat),
        "--concurrency",
        String.valueOf(concurrency),
        "--quiet"));
    args.addAll(cliOptions);
    return args;
  }

  /** {@link Baseline}'s arguments. */
  List<String> baselineArgs(String client, int repeat, int concurrency) {
    return List.of(
        client, kind, baseUrl, path, String.valueOf(repeat), String.valueOf(concurrency));
  }
}
