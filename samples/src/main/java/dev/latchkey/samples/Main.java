package dev.latchkey.samples;

import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.samples.cli.Cli;
import dev.latchkey.samples.cli.Options;
import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of {@code latchkey-samples.jar}: {@code demo}, {@code simulate}, {@code call}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs one command and returns its exit code: 0 success, 1 failure, 2 usage error. {@code
   * simulate} returns only when interrupted. Never calls {@code System.exit}, so tests run it
   * in-process.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      return Cli.run(Arrays.asList(args), out, err);
    } catch (Options.UsageException | LatchkeyConfigException e) {
      err.println("error: " + e.getMessage());
      err.println(Cli.USAGE);
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (Exception e) {
      err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }
}
