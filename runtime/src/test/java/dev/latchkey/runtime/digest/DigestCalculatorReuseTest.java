package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.runtime.UserPassword;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The per-request allocation cuts of the calculator (issue 8's benchmark): per-thread digests,
 * hand-written nc and charset checks. Same answers as before, on many threads, interleaving
 * algorithms and -sess (which hashes twice for one HA1).
 */
class DigestCalculatorReuseTest {
  private static final DigestChallenge RFC2617 = new DigestChallenge(
      "testrealm@host.com",
      "dcd98b7102dd2f0e8b11d0f600bfb0c093",
      "5ccc069c403ebaf9f0171e9517f40e41",
      null,
      Set.of("auth"),
      false,
      false,
      false);
  private static final DigestChallenge RFC7616_SHA256 = new DigestChallenge(
      "http-auth@example.org",
      "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
      "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
      "SHA-256",
      Set.of("auth"),
      false,
      false,
      false);

  private static String md5() {
    return DigestResponder.sign(
            RFC2617,
            DigestAlgorithm.MD5,
            new UserPassword("Mufasa", "Circle Of Life"),
            "GET",
            "/dir/index.html",
            "auth",
            null,
            1,
            "0a4f113b")
        .response();
  }

  private static String sha256() {
    return DigestResponder.sign(
            RFC7616_SHA256,
            DigestAlgorithm.SHA_256,
            new UserPassword("Mufasa", "Circle of Life"),
            "GET",
            "/dir/index.html",
            "auth",
            null,
            1,
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")
        .response();
  }

  private static String md5Sess() {
    return DigestCalculator.ha1(
        DigestAlgorithm.MD5_SESS,
        "Mufasa",
        "testrealm@host.com",
        "Circle Of Life".toCharArray(),
        StandardCharsets.ISO_8859_1,
        "n",
        "c");
  }

  @Test
  void knownAnswersHoldOnManyThreadsInterleavingAlgorithms() throws Exception {
    String sess = md5Sess();
    // H(H(user:realm:password):nonce:cnonce) spelt out: the nested hash reuses the digest safely.
    String ha1 = DigestCalculator.ha1(
        DigestAlgorithm.MD5,
        "Mufasa",
        "testrealm@host.com",
        "Circle Of Life".toCharArray(),
        StandardCharsets.ISO_8859_1,
        "n",
        "c");
    assertEquals(
        DigestCalculator.hash(
            DigestAlgorithm.MD5, (ha1 + ":n:c").getBytes(StandardCharsets.US_ASCII)),
        sess);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            assertEquals("6629fae49393a05397450978507c4ef1", md5());
            assertEquals(
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", sha256());
            assertEquals(sess, md5Sess());
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nonceCountIsEightLowerCaseHexDigits() {
    assertEquals("00000000", DigestCalculator.nc(0));
    assertEquals("00000010", DigestCalculator.nc(16));
    assertEquals("0abcdef1", DigestCalculator.nc(0xabcdef1L));
    assertEquals("12345678", DigestCalculator.nc(0x12345678L));
  }

  @Test
  void latin1UnlessACharacterDoesNotFitOrTheServerAnnouncedUtf8() {
    assertEquals(
        StandardCharsets.ISO_8859_1,
        DigestCalculator.credentialCharset(RFC2617, "José", "ÿÿ".toCharArray()));
    assertEquals(
        StandardCharsets.UTF_8,
        DigestCalculator.credentialCharset(RFC2617, "Ωmega", "pw".toCharArray()));
    assertEquals(
        StandardCharsets.UTF_8,
        DigestCalculator.credentialCharset(RFC2617, "jose", "5€".toCharArray()));
    DigestChallenge utf8 =
        new DigestChallenge("r", "n", null, null, Set.of("auth"), false, false, true);
    assertEquals(
        StandardCharsets.UTF_8,
        DigestCalculator.credentialCharset(utf8, "jose", "pw".toCharArray()));
  }
}
