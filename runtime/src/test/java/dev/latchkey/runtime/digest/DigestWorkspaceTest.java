package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.UserPassword;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The per-thread signing workspace (issue 8: no intermediate Strings per request) gives what the
 * plain String arithmetic gives, for every algorithm, qop, charset and odd input: non-ASCII user
 * names and passwords in both charsets, texts longer than the workspace's chunk, a count past 32
 * bits, a hostile-length nonce; and the header is the one the old builder wrote.
 */
class DigestWorkspaceTest {
  private static final String LONG = "x".repeat(300) + "é" + "y".repeat(200);

  private static final List<String[]> CREDENTIALS = List.of(
      new String[] {"Mufasa", "Circle Of Life"},
      new String[] {"José", "pässwörd"}, // ISO-8859-1 unless the server announced UTF-8
      new String[] {"Ωmega", "pw"}, // forces UTF-8
      new String[] {"jose", "5€ and 💡"}, // forces UTF-8, a surrogate pair
      new String[] {"robot", LONG},
      new String[] {"", ""});

  private static DigestChallenge challenge(
      DigestAlgorithm algorithm, Set<String> qops, boolean utf8, String nonce) {
    return new DigestChallenge(
        "realm \"q\" \\", nonce, "op\"aque", algorithm.token(), qops, false, false, utf8);
  }

  /** What sign must produce: the reference functions and the header as before issue 8. */
  private static void assertSameAsReference(
      DigestChallenge challenge,
      DigestAlgorithm algorithm,
      String user,
      String password,
      String method,
      String uri,
      String qop,
      String bodyHash,
      long count,
      String cnonce)
      throws Exception {
    SignedRequest signed = DigestResponder.sign(
        challenge,
        algorithm,
        new UserPassword(user, password),
        method,
        uri,
        qop,
        bodyHash,
        count,
        cnonce);
    Charset charset = DigestCalculator.credentialCharset(challenge, user, password.toCharArray());
    String ha1 = DigestCalculator.ha1(
        algorithm,
        user,
        challenge.realm(),
        password.toCharArray(),
        charset,
        challenge.nonce(),
        cnonce);
    String nc = DigestCalculator.nc(count);
    String response = DigestCalculator.response(
        algorithm,
        ha1,
        challenge.nonce(),
        nc,
        cnonce,
        qop,
        DigestCalculator.ha2(algorithm, method, uri, bodyHash));
    String what = algorithm + " qop=" + qop + " user=" + user + " count=" + count;
    assertEquals(ha1, signed.ha1(), what);
    assertEquals(response, signed.response(), what);
    assertEquals(qop == null ? null : nc, signed.nc(), what);
    Map<String, String> params =
        ChallengeParser.params(signed.header().substring("Digest ".length()), "Authorization");
    assertEquals(response, params.get("response"), what);
    assertEquals(challenge.realm(), params.get("realm"), what);
    assertEquals(challenge.opaque(), params.get("opaque"), what);
    assertEquals(qop == null ? null : nc, params.get("nc"), what);
    assertEquals(qop == null ? null : cnonce, params.get("cnonce"), what);
    assertTrue(signed.header().startsWith("Digest "), what);
  }

  @Test
  void everyAlgorithmQopAndCharsetMatchesTheReferenceArithmetic() throws Exception {
    for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
      for (String qop : new String[] {"auth", "auth-int", null}) {
        Set<String> qops = qop == null ? Set.of() : Set.of(qop);
        for (boolean utf8 : new boolean[] {false, true}) {
          for (String[] credentials : CREDENTIALS) {
            String bodyHash =
                "auth-int".equals(qop) ? DigestCalculator.hash(algorithm, "body".getBytes()) : null;
            assertSameAsReference(
                challenge(algorithm, qops, utf8, "n0nce"),
                algorithm,
                credentials[0],
                credentials[1],
                "GET",
                "/dir/index.html?a=b",
                qop,
                bodyHash,
                1,
                "0a4f113b");
          }
        }
      }
    }
  }

  @Test
  void longTextsAndLargeCountsMatchTheReferenceArithmetic() throws Exception {
    String longNonce = "N".repeat(5000); // longer than the header buffer the thread keeps
    for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
      for (long count : new long[] {0, 1, 0xff, 0xffff_ffffL, 0x1_0000_0000L, Long.MAX_VALUE}) {
        assertSameAsReference(
            challenge(algorithm, Set.of("auth"), false, longNonce),
            algorithm,
            "robot",
            "pw",
            "POST",
            "/" + "p".repeat(400),
            "auth",
            null,
            count,
            "c".repeat(200));
        assertSameAsReference(
            challenge(algorithm, Set.of("auth"), true, "n"),
            algorithm,
            "robot",
            "pw",
            "GET",
            "/ü",
            "auth",
            null,
            count,
            "cnönce");
      }
    }
  }

  @Test
  void aLongerPasswordSignedBeforeLeavesNoTraceInTheNextSignature() throws Exception {
    // The thread's buffers are reused: a stale byte of a longer password (or of a SHA-256 HA1
    // before an MD5 one) must not reach the next digest.
    DigestChallenge challenge = challenge(DigestAlgorithm.MD5, Set.of("auth"), false, "n");
    String expected = DigestResponder.sign(
            challenge,
            DigestAlgorithm.MD5,
            new UserPassword("u", "short"),
            "GET",
            "/",
            "auth",
            null,
            1,
            "c")
        .response();
    DigestResponder.sign(
        challenge(DigestAlgorithm.SHA_512_256, Set.of("auth"), false, "n"),
        DigestAlgorithm.SHA_512_256,
        new UserPassword("u", LONG),
        "GET",
        "/",
        "auth",
        null,
        1,
        "c");
    assertEquals(
        expected,
        DigestResponder.sign(
                challenge,
                DigestAlgorithm.MD5,
                new UserPassword("u", "short"),
                "GET",
                "/",
                "auth",
                null,
                1,
                "c")
            .response());
  }

  @Test
  void extendedNotationExactlyForCharactersAQuotedStringCannotCarry() {
    assertFalse(DigestResponder.needsExtendedNotation(""));
    assertFalse(DigestResponder.needsExtendedNotation(" robot~\"\\"));
    assertTrue(DigestResponder.needsExtendedNotation("tab\there"));
    assertTrue(DigestResponder.needsExtendedNotation("del\u007f"));
    assertTrue(DigestResponder.needsExtendedNotation("José"));
    assertTrue(DigestResponder.needsExtendedNotation("\u001f"));
  }

  @Test
  void eightThreadsInterleavingAlgorithmsGetTheReferenceAnswers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            DigestAlgorithm algorithm =
                DigestAlgorithm.values()[(i + seed) % DigestAlgorithm.values().length];
            String[] credentials = CREDENTIALS.get((i + seed) % CREDENTIALS.size());
            assertSameAsReference(
                challenge(algorithm, Set.of("auth"), i % 2 == 0, "n" + i),
                algorithm,
                credentials[0],
                credentials[1],
                "GET",
                "/r/" + seed,
                "auth",
                null,
                i + 1,
                "c" + seed);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
