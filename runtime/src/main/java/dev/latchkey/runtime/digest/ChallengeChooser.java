package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.http.ServerText;
import dev.latchkey.runtime.logging.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Response;

/**
 * Picks the Digest challenge to answer from a 401/407: all challenge headers, all challenges in
 * each, the configured realm only, then the first algorithm of the configured preference order
 * (RFC 7616 section 3.7: a server may offer one challenge per algorithm).
 */
final class ChallengeChooser {
  /** A chosen challenge and the algorithm it resolved to. */
  record Choice(DigestChallenge challenge, DigestAlgorithm algorithm) {}

  private final List<DigestAlgorithm> preference;
  private final String realm;
  private final String headerName;
  private final Redactor redactor;

  /** {@code redactor}: the client's, through which server text in messages is quoted. */
  ChallengeChooser(
      List<DigestAlgorithm> preference, String realm, String headerName, Redactor redactor) {
    this.preference = List.copyOf(preference);
    this.realm = realm;
    this.headerName = headerName;
    this.redactor = redactor;
  }

  Choice choose(Response response) throws UnexpectedAnswerException {
    return choose(response.headers(headerName), response.code());
  }

  Choice choose(List<String> headerValues, int status) throws UnexpectedAnswerException {
    List<DigestChallenge> digests = new ArrayList<>();
    Set<String> schemes = new TreeSet<>();
    UnexpectedAnswerException firstError = null;
    for (String value : headerValues.subList(0, Math.min(headerValues.size(), 16))) {
      try {
        for (ChallengeParser.Parsed parsed : ChallengeParser.challenges(value, headerName)) {
          schemes.add(parsed.scheme());
          if (parsed.scheme().equals("digest")) {
            digests.add(DigestChallenge.from(parsed.params()));
          }
        }
      } catch (UnexpectedAnswerException e) {
        // One broken header (or challenge) must not hide a good Digest challenge in another.
        firstError = firstError == null ? e : firstError;
      }
    }
    if (digests.isEmpty()) {
      if (firstError != null) {
        throw firstError;
      }
      throw new UnexpectedAnswerException(
          "HTTP " + status + " without a Digest challenge in " + headerName
              + (schemes.isEmpty() ? "" : "; offered schemes: " + quote(schemes.toString())));
    }
    return best(inRealm(digests));
  }

  private List<DigestChallenge> inRealm(List<DigestChallenge> digests)
      throws UnexpectedAnswerException {
    if (realm.isEmpty()) {
      return digests;
    }
    List<DigestChallenge> matching = new ArrayList<>(digests.size());
    for (DigestChallenge challenge : digests) { // a loop, not a stream: cold start (issue 17)
      if (challenge.realm().equals(realm)) {
        matching.add(challenge);
      }
    }
    if (matching.isEmpty()) {
      throw new UnexpectedAnswerException(
          "server asked for realm '" + quote(digests.get(0).realm()) + "' but this client is"
              + " configured for realm '" + realm + "'; the password was not used");
    }
    return matching;
  }

  private Choice best(List<DigestChallenge> candidates) throws UnexpectedAnswerException {
    Choice best = null;
    int bestRank = Integer.MAX_VALUE;
    for (DigestChallenge challenge : candidates) {
      Optional<DigestAlgorithm> algorithm = challenge.algorithm();
      int rank = algorithm.isPresent() ? preference.indexOf(algorithm.get()) : -1;
      if (rank >= 0 && challenge.qopUsable() && rank < bestRank) {
        bestRank = rank;
        best = new Choice(challenge, algorithm.get());
      }
    }
    if (best == null) {
      // Described only when refused: every challenge of a successful call would pay for it.
      List<String> offered = new ArrayList<>();
      for (DigestChallenge challenge : candidates) {
        offered.add((challenge.algorithmToken() == null ? "MD5" : challenge.algorithmToken())
            + " qop=" + challenge.qops());
      }
      throw new UnexpectedAnswerException(
          "no usable Digest challenge: server offers " + quote(offered.toString())
              + ", this client accepts "
              + preference.stream().map(DigestAlgorithm::token).toList()
              + " with qop auth, auth-int or none");
    }
    return best;
  }

  /** A realm or token list of any length (a hostile 15 KB realm) made fit for a message. */
  private String quote(String serverText) {
    return ServerText.quote(serverText, redactor);
  }
}
