package dev.latchkey.samples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** Dispatches the CLI's commands. {@code Main} adds the exit codes for errors. */
public final class Cli {
  /** The usage text printed on a usage error. */
  public static final String USAGE = String.join(
      "\n",
      "usage: java -jar latchkey-samples.jar COMMAND",
      "  demo",
      "  simulate {ondemand|xandr|mediasilo} [--port P] [--user U] [--password-env VAR] [--tls]",
      "      ondemand:  [--nonce-lifetime PT5M]",
      "      xandr:     [--token-idle PT2H] [--token-max PT24H] [--login-limit 10/PT5M]",
      "      mediasilo: [--host-context C] [--api-key-env VAR] [--session-idle PT60M]",
      "  call {ondemand|xandr|mediasilo} PATH (--base-url URL | --env NAME) [--user U]",
      "      [--password-env VAR] [--host-context C] [--api-key-env VAR]",
      "      [--repeat N] [--concurrency C] [--quiet] [--mode basic|session]",
      "      [--trust-pem FILE]... [--pin sha256/...]... [--verbose]",
      "      [--store file:DIR | redis://HOST:PORT]   (xandr, mediasilo: shared sessions)",
      "  pins URL [--trust-pem FILE]   (SPKI pins of an https server's chain)",
      "Secrets come from the environment variables the flags name (or a terminal prompt).");

  private Cli() {}

  /** Runs {@code args}; returns the exit code. Usage errors are thrown as {@link Options.UsageException}. */
  public static int run(List<String> args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    if (args.isEmpty()) {
      throw new Options.UsageException("no command");
    }
    String command = args.get(0);
    switch (command) {
      case "demo":
        if (args.size() > 1) {
          throw new Options.UsageException("demo takes no arguments");
        }
        return DemoCommand.run(Samples.all(), out);
      case "simulate":
        return SimulateCommand.run(
            sample(args), Options.parse(rest(args), SimulateCommand.SWITCHES), out);
      case "call":
        return CallCommand.run(
            sample(args), Options.parse(rest(args), CallCommand.SWITCHES), out, err);
      case "pins":
        return PinsCommand.run(Options.parse(args.subList(1, args.size()), List.of()), out);
      case "help":
      case "--help":
      case "-h":
        out.println(USAGE);
        return 0;
      default:
        throw new Options.UsageException("unknown command '" + command + "'");
    }
  }

  private static Sample sample(List<String> args) {
    if (args.size() < 2 || args.get(1).startsWith("--")) {
      throw new Options.UsageException(
          args.get(0) + " needs a sample name: ondemand, xandr or mediasilo");
    }
    return Samples.named(args.get(1));
  }

  private static List<String> rest(List<String> args) {
    return args.subList(2, args.size());
  }
}
