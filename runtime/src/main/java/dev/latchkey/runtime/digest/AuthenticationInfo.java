package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.http.ServerText;
import dev.latchkey.runtime.logging.Redactor;
import java.util.Map;

/**
 * The {@code Authentication-Info} answer (RFC 7616 section 3.5, RFC 7615): the next nonce to use,
 * and {@code rspauth}, with which the server proves it knows the password too.
 *
 * @param nextNonce the nonce to use from now on, or null
 * @param rspauth the server's response digest, or null
 * @param qop echoed qop, or null
 * @param cnonce echoed cnonce, or null
 * @param nc echoed nonce count, or null
 */
record AuthenticationInfo(String nextNonce, String rspauth, String qop, String cnonce, String nc) {

  static AuthenticationInfo parse(String header, String headerName)
      throws UnexpectedAnswerException {
    Map<String, String> params = ChallengeParser.params(header, headerName);
    DigestChallenge.requireHeaderSafe("nextnonce", params.get("nextnonce"));
    return new AuthenticationInfo(
        params.get("nextnonce"),
        params.get("rspauth"),
        params.get("qop"),
        params.get("cnonce"),
        params.get("nc"));
  }

  /**
   * Checks the echoed values and {@code rspauth} against what we sent. {@code rspauth} uses HA2 =
   * H(":" uri) for qop=auth; for auth-int it would need a hash of the response body, which we do
   * not buffer, so it is not checked then.
   */
  void verify(
      SignedRequest sent,
      DigestAlgorithm algorithm,
      String nonce,
      String headerName,
      Redactor redactor)
      throws UnexpectedAnswerException {
    verify(sent, algorithm, nonce, headerName, redactor, false);
  }

  /**
   * Like {@link #verify(SignedRequest, DigestAlgorithm, String, String, Redactor)}; with {@code
   * requireProof} (mutual authentication asked for), an {@code rspauth} that is missing or cannot
   * be checked (qop other than auth) fails too.
   */
  void verify(
      SignedRequest sent,
      DigestAlgorithm algorithm,
      String nonce,
      String headerName,
      Redactor redactor,
      boolean requireProof)
      throws UnexpectedAnswerException {
    mustEcho("cnonce", cnonce, sent.cnonce(), headerName, redactor);
    if (!echoesCount(sent)) {
      mustEcho("nc", nc, sent.nc(), headerName, redactor); // throws, naming both
    }
    mustEcho("qop", qop, sent.qop(), headerName, redactor);
    if (rspauth == null || !DigestChallenge.AUTH.equals(sent.qop())) {
      if (requireProof) {
        throw unproven(
            headerName,
            rspauth == null
                ? "has no rspauth"
                : "has an rspauth that cannot be checked for qop=" + sent.qop());
      }
      return;
    }
    // rspauth = KD(HA1, nonce:nc:cnonce:qop:H(":" uri)), in this thread's workspace: httpd sends it
    // on every answer, and the String arithmetic of DigestCalculator cost each of them as much as
    // signing the request (issue 17). DigestWorkspaceTest checks both give the same digests.
    DigestCalculator.Workspace work = DigestCalculator.workspace().begin(algorithm);
    boolean proven;
    try {
      work.useHa1(sent.ha1());
      work.ha2("", sent.uri(), null);
      work.response(nonce, sent.count(), sent.cnonce(), sent.qop());
      proven = work.responseEquals(rspauth);
    } finally {
      work.forgetHa1();
    }
    if (!proven) {
      throw new UnexpectedAnswerException(
          headerName + " rspauth does not match: the server did not prove it knows the"
              + " credentials (RFC 7616 section 3.5)");
    }
  }

  /**
   * Whether the echoed {@code nc} is absent or the count sent, written as {@link
   * DigestCalculator#nc} writes it (any case), without making a String of the count per answer.
   */
  private boolean echoesCount(SignedRequest sent) {
    if (nc == null || sent.qop() == null) {
      return true;
    }
    if (nc.length() != DigestCalculator.ncDigits(sent.count())) {
      return false;
    }
    long echoed = 0;
    for (int i = 0; i < nc.length(); i++) {
      int digit = Character.digit(nc.charAt(i), 16);
      if (digit < 0) {
        return false;
      }
      echoed = (echoed << 4) | digit;
    }
    return echoed == sent.count();
  }

  /** Mutual authentication was asked for and the answer does not give it. */
  static UnexpectedAnswerException unproven(String headerName, String why) {
    return new UnexpectedAnswerException(
        "mutual authentication required, but the server's " + headerName + " " + why
            + ": it did not prove it knows the credentials (RFC 7616 section 3.5)");
  }

  private static void mustEcho(
      String name, String echoed, String sent, String headerName, Redactor redactor)
      throws UnexpectedAnswerException {
    if (echoed != null && sent != null && !echoed.equalsIgnoreCase(sent)) {
      // Both quoted through ServerText: the echo is the server's, and what we sent is cut the same
      // way so that a message stays readable and bounded (a fuzz run once made 1,160 characters).
      throw new UnexpectedAnswerException(
          headerName + " echoes " + name + "=" + ServerText.quote(echoed, 64, redactor)
              + " but the request sent " + name + "=" + ServerText.quote(sent, 64, redactor));
    }
  }
}
