package dev.latchkey.samples;

/** Entry point of {@code latchkey-samples.jar}: {@code demo}, {@code simulate}, {@code call}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("usage: latchkey-samples {demo|simulate|call} ...");
    System.exit(2);
  }
}
