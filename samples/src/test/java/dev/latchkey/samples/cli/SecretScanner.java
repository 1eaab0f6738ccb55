package dev.latchkey.samples.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds secrets in text: every occurrence, with a little context, the secret itself cut short. */
final class SecretScanner {
  private SecretScanner() {}

  static List<String> findings(String text, Collection<String> secrets) {
    List<String> found = new ArrayList<>();
    for (String secret : secrets) {
      int at = text.indexOf(secret);
      while (at >= 0 && found.size() < 50) {
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + secret.length() + 20);
        // Name the leak without printing the secret whole in the build log.
        found.add(secret.substring(0, Math.min(5, secret.length())) + "…: "
            + text.substring(from, to).replace(secret, "<SECRET>").replace('\n', ' '));
        at = text.indexOf(secret, at + 1);
      }
    }
    return found;
  }
}
