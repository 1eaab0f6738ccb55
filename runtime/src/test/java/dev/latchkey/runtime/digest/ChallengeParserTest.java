package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.logging.Redactor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChallengeParserTest {

  @Test
  void severalChallengesInOneHeaderWithToken68AndEscapes() throws Exception {
    List<ChallengeParser.Parsed> parsed = ChallengeParser.challenges(
        "Negotiate abc+/==, BASIC realm=\"a, b\", dIgEsT Realm=\"say \\\"hi\\\"\","
            + " NONCE=xyz, qop=\"auth,auth-int\" , algorithm=SHA-256,Bearer",
        "WWW-Authenticate");
    assertEquals(
        List.of("negotiate", "basic", "digest", "bearer"),
        parsed.stream().map(ChallengeParser.Parsed::scheme).toList());
    assertEquals(Map.of("realm", "a, b"), parsed.get(1).params());
    Map<String, String> digest = parsed.get(2).params();
    assertEquals("say \"hi\"", digest.get("realm"));
    assertEquals("xyz", digest.get("nonce"));
    assertEquals("auth,auth-int", digest.get("qop"));
    assertEquals("SHA-256", digest.get("algorithm"));
  }

  @Test
  void challengesAcrossSeveralHeadersPreferTheConfiguredOrder() throws Exception {
    ChallengeChooser chooser = new ChallengeChooser(
        List.of(DigestAlgorithm.SHA_512_256, DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
        "",
        "WWW-Authenticate",
        new Redactor());
    ChallengeChooser.Choice choice = chooser.choose(
        List.of(
            "Digest realm=\"r\", nonce=\"1\", qop=\"auth\", algorithm=MD5",
            "Digest realm=\"r\", nonce=\"2\", qop=\"auth\", algorithm=SHA-256, Basic realm=\"r\"",
            "Digest realm=\"r\", nonce=\"3\", qop=\"auth\", algorithm=UNKNOWN-HASH"),
        401);
    assertEquals(DigestAlgorithm.SHA_256, choice.algorithm());
    assertEquals("2", choice.challenge().nonce());
  }

  @Test
  void noUsableChallengeNamesWhatTheServerOffersAndWhatTheClientAccepts() {
    ChallengeChooser chooser = new ChallengeChooser(
        List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), "", "h", new Redactor());
    UnexpectedAnswerException e = assertThrows(
        UnexpectedAnswerException.class,
        () -> chooser.choose(
            List.of(
                "Digest realm=\"r\", nonce=\"1\", qop=\"auth\", algorithm=UNKNOWN-HASH",
                "Digest realm=\"r\", nonce=\"2\", qop=\"weird\""),
            401));
    assertTrue(
        e.getMessage().contains("server offers [UNKNOWN-HASH qop=[auth], MD5 qop=[weird]]"),
        e.getMessage());
    assertTrue(e.getMessage().contains("this client accepts [SHA-256, MD5]"), e.getMessage());
  }

  @Test
  void aBrokenHeaderDoesNotHideAGoodOne() throws Exception {
    ChallengeChooser chooser =
        new ChallengeChooser(List.of(DigestAlgorithm.MD5), "", "h", new Redactor());
    assertEquals(
        "ok",
        chooser
            .choose(List.of("Digest realm=\"unterminated", "Digest realm=\"r\", nonce=\"ok\""), 401)
            .challenge()
            .nonce());
  }

  @Test
  void stalenessUserhashCharsetAndMissingAlgorithmMeanMd5() throws Exception {
    DigestChallenge c = DigestChallenge.from(ChallengeParser.challenges(
            "Digest realm=\"r\", nonce=\"n\", stale=TRUE, userhash=true, charset=utf-8, opaque=\"o\"",
            "h")
        .get(0)
        .params());
    assertTrue(c.stale());
    assertTrue(c.userhash());
    assertTrue(c.utf8());
    assertEquals("o", c.opaque());
    assertEquals(DigestAlgorithm.MD5, c.algorithm().orElseThrow());
    assertTrue(c.qops().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Digest realm=\"unterminated",
        "Digest realm=\"r\" nonce=\"missing comma\"",
        "Digest realm=",
        "Digest realm=\"r\", realm=\"twice\", nonce=\"n\"",
        "Digest =x",
        "Digest realm=\"r\", nonce=\"n\", @@@",
        "\"quoted-scheme\"",
        "Digest realm=\"r\\",
        "Digest nonce=\"n\"",
        "Digest realm=\"r\"",
        "Digest realm=\"r\", nonce=\"\"",
        "Basic realm=\"only basic\"",
        "",
      })
  void malformedOrUnusableChallengesAreTypedErrors(String header) {
    ChallengeChooser chooser =
        new ChallengeChooser(List.of(DigestAlgorithm.MD5), "", "h", new Redactor());
    UnexpectedAnswerException e =
        assertThrows(UnexpectedAnswerException.class, () -> chooser.choose(List.of(header), 401));
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void hugeAndPathologicalHeadersAreBoundedWork() {
    String huge = "Digest " + "a=b, ".repeat(5000);
    assertThrows(UnexpectedAnswerException.class, () -> ChallengeParser.challenges(huge, "h"));
    String manyParams = "Digest " + "a%d=b, ".repeat(1).formatted(0)
        + String.join(
            ", ",
            java.util.stream.IntStream.range(1, 200)
                .mapToObj(i -> "p" + i + "=v")
                .toList());
    assertThrows(
        UnexpectedAnswerException.class, () -> ChallengeParser.challenges(manyParams, "h"));
    String manySchemes = "A, ".repeat(100);
    assertThrows(
        UnexpectedAnswerException.class, () -> ChallengeParser.challenges(manySchemes, "h"));
    String commas = ",".repeat(ChallengeParser.MAX_HEADER_CHARS);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> assertEquals(List.of(), ChallengeParser.challenges(commas, "h")));
  }

  @Test
  void unquotedBase64NonceIsTolerated() throws Exception {
    Map<String, String> params = ChallengeParser.challenges(
            "Digest realm=r, nonce=ab/c+d==, qop=auth", "h")
        .get(0)
        .params();
    assertEquals("ab/c+d==", params.get("nonce"));
    assertEquals("auth", params.get("qop"));
  }

  @Test
  void realmMismatchNamesBothRealms() {
    ChallengeChooser chooser =
        new ChallengeChooser(List.of(DigestAlgorithm.MD5), "mine", "h", new Redactor());
    UnexpectedAnswerException e = assertThrows(
        UnexpectedAnswerException.class,
        () -> chooser.choose(List.of("Digest realm=\"theirs\", nonce=\"n\""), 401));
    assertTrue(
        e.getMessage().contains("'theirs'") && e.getMessage().contains("'mine'"), e.getMessage());
  }

  @Test
  void authenticationInfoParamsParse() throws Exception {
    AuthenticationInfo info = AuthenticationInfo.parse(
        "nextnonce=\"abc\", qop=auth, rspauth=\"d\", cnonce=\"c\", nc=00000002", "h");
    assertEquals(new AuthenticationInfo("abc", "d", "auth", "c", "00000002"), info);
  }
}
