package dev.latchkey.samples.cli;

import java.io.Console;

/**
 * Where the CLI gets a secret: the environment variable a flag names, else a prompt when on a
 * terminal (as the seed's {@code curl --digest -u robot_user} prompts), never the command line.
 */
public final class Secrets {
  private Secrets() {}

  /**
   * The secret for {@code flag} (e.g. {@code --password-env}): from the environment variable it
   * names; if the flag is absent, from a {@code prompt} on the terminal; if there is no terminal,
   * {@code fallback} (a simulator's documented test account) or, when that is null, a {@link
   * Options.UsageException} saying which flag to pass.
   */
  public static char[] read(Options options, String flag, String prompt, String fallback) {
    if (options.has(flag)) {
      return options.secretFromEnv(flag, null).toCharArray();
    }
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("%s: ", prompt);
      if (typed == null) {
        throw new Options.UsageException("no " + prompt + " entered");
      }
      return typed;
    }
    if (fallback == null) {
      throw new Options.UsageException("no terminal to ask for the " + prompt + ": pass " + flag
          + " VAR naming an environment variable");
    }
    return fallback.toCharArray();
  }
}
