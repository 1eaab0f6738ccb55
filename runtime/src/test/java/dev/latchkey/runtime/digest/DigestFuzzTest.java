package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.logging.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the digest parsers: challenge headers and {@code
 * Authentication-Info}. The invariant, for any input: only {@link UnexpectedAnswerException}
 * escapes, with a message of bounded length; a challenge that is accepted can be answered with
 * an {@code Authorization} value OkHttp accepts; no input runs longer than the {@code @Timeout}
 * (Jazzer turns it into libFuzzer's per-input {@code -timeout}; it is longer than {@code
 * maxDuration} because JUnit also applies it to the whole fuzzing run). Plain
 * {@code mvn verify} replays the committed corpus under {@code DigestFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class DigestFuzzTest {
  private static final ChallengeChooser CHOOSER = new ChallengeChooser(
      List.of(DigestAlgorithm.values()), "", "WWW-Authenticate", new Redactor());
  private static final UserPassword USER = new UserPassword("Mufasa", "Circle Of Life");

  /** Input: header values separated by newlines (a 401 with several WWW-Authenticate). */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DictionaryEntries({
    "Digest ",
    "realm=\"",
    "nonce=\"",
    "qop=\"auth\"",
    "auth-int",
    "algorithm=",
    "SHA-256",
    "SHA-512-256-sess",
    "MD5-sess",
    "opaque=",
    "stale=true",
    "userhash=true",
    "charset=UTF-8",
    "Basic ",
    "\\\""
  })
  @FuzzTest(maxDuration = "20s")
  void challengeHeaders(byte[] input) {
    List<String> values =
        Arrays.asList(new String(input, StandardCharsets.ISO_8859_1).split("\n", 40));
    ChallengeChooser.Choice choice;
    try {
      choice = CHOOSER.choose(values, 401);
    } catch (UnexpectedAnswerException e) {
      assertBounded(e);
      return;
    }
    DigestChallenge challenge = choice.challenge();
    String qop = challenge.qops().isEmpty()
        ? null
        : challenge.qops().contains(DigestChallenge.AUTH)
            ? DigestChallenge.AUTH
            : DigestChallenge.AUTH_INT;
    String bodyHash = DigestChallenge.AUTH_INT.equals(qop)
        ? DigestCalculator.hash(choice.algorithm(), new byte[0])
        : null;
    SignedRequest signed = DigestResponder.sign(
        challenge,
        choice.algorithm(),
        USER,
        "GET",
        "/dir/index.html",
        qop,
        bodyHash,
        1,
        "0a4f113b");
    // Throws IllegalArgumentException if the answer could not go on the wire.
    new Headers.Builder().add("Authorization", signed.header());
  }

  /** Input: one Authentication-Info value, checked against a request we signed. */
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DictionaryEntries({"nextnonce=\"", "rspauth=\"", "qop=auth", "cnonce=\"c\"", "nc=00000001"})
  @FuzzTest(maxDuration = "20s")
  void authenticationInfo(byte[] input) {
    String header = new String(input, StandardCharsets.ISO_8859_1);
    DigestChallenge challenge =
        new DigestChallenge("r", "n", null, null, java.util.Set.of("auth"), false, false, false);
    SignedRequest sent = DigestResponder.sign(
        challenge, DigestAlgorithm.MD5, USER, "GET", "/", "auth", null, 1, "c");
    try {
      AuthenticationInfo info = AuthenticationInfo.parse(header, "Authentication-Info");
      info.verify(sent, DigestAlgorithm.MD5, "n", "Authentication-Info", new Redactor());
      if (info.nextNonce() != null) {
        DigestResponder.sign(
            challenge.withNonce(info.nextNonce()),
            DigestAlgorithm.MD5,
            USER,
            "GET",
            "/",
            "auth",
            null,
            1,
            "c");
        new Headers.Builder().add("Authorization", "Digest nonce=\"" + info.nextNonce() + "\"");
      }
    } catch (UnexpectedAnswerException e) {
      assertBounded(e);
    }
  }

  private static void assertBounded(Exception e) {
    assertTrue(e.getMessage().length() < 1000, "message of " + e.getMessage().length() + " chars");
  }
}
