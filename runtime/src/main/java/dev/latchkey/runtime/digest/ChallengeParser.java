package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.UnexpectedAnswerException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate}/{@code Proxy-Authenticate} (RFC 7235 section 4.1: several
 * challenges, comma-separated, possibly with token68 forms) and the parameter list of {@code
 * Authentication-Info} (RFC 7615). Hand-written because OkHttp's {@code Response.challenges()} is
 * documented as best-effort and drops what it cannot read silently, while we must tell a malformed
 * Digest challenge from an absent one. Work is linear in the header length, which is capped.
 */
final class ChallengeParser {
  static final int MAX_HEADER_CHARS = 16 * 1024;
  static final int MAX_PARAMS = 64;
  static final int MAX_CHALLENGES = 32;

  /** One challenge: a lower-cased scheme and its parameters with lower-cased names. */
  record Parsed(String scheme, Map<String, String> params) {}

  private final String header;
  private final String what;
  private int at;

  private ChallengeParser(String header, String what) throws UnexpectedAnswerException {
    if (header.length() > MAX_HEADER_CHARS) {
      throw new UnexpectedAnswerException(what + " header is " + header.length()
          + " characters, over the limit of " + MAX_HEADER_CHARS);
    }
    this.header = header;
    this.what = what;
  }

  /** Every challenge of one header value, in order. */
  static List<Parsed> challenges(String header, String headerName)
      throws UnexpectedAnswerException {
    return new ChallengeParser(header, headerName).readChallenges();
  }

  /** The {@code #auth-param} list of an {@code Authentication-Info} header. */
  static Map<String, String> params(String header, String headerName)
      throws UnexpectedAnswerException {
    ChallengeParser parser = new ChallengeParser(header, headerName);
    Map<String, String> params = new LinkedHashMap<>();
    parser.skipSeparators();
    if (!parser.atEnd()) {
      parser.readParams(params, false);
    }
    return Collections.unmodifiableMap(params);
  }

  private List<Parsed> readChallenges() throws UnexpectedAnswerException {
    List<Parsed> result = new ArrayList<>();
    while (true) {
      skipSeparators();
      if (atEnd()) {
        return result;
      }
      if (result.size() == MAX_CHALLENGES) {
        throw malformed("more than " + MAX_CHALLENGES + " challenges");
      }
      String scheme = token();
      if (scheme.isEmpty()) {
        throw malformed("expected an authentication scheme");
      }
      Map<String, String> params = new LinkedHashMap<>();
      skipSpaces();
      if (!atEnd() && peek() != ',' && !skipToken68()) {
        readParams(params, true);
      }
      result.add(new Parsed(scheme.toLowerCase(Locale.ROOT), Collections.unmodifiableMap(params)));
    }
  }

  /** Reads {@code name=value} pairs; stops before a following challenge when {@code inChallenge}. */
  private void readParams(Map<String, String> params, boolean inChallenge)
      throws UnexpectedAnswerException {
    while (true) {
      String name = token();
      if (name.isEmpty()) {
        throw malformed("expected a parameter name");
      }
      skipSpaces();
      expect('=');
      skipSpaces();
      String value = !atEnd() && peek() == '"' ? quoted() : bareValue();
      if (params.put(name.toLowerCase(Locale.ROOT), value) != null) {
        throw malformed("parameter '" + name + "' appears twice");
      }
      if (params.size() > MAX_PARAMS) {
        throw malformed("more than " + MAX_PARAMS + " parameters");
      }
      skipSpaces();
      if (atEnd()) {
        return;
      }
      expect(',');
      skipSeparators();
      if (atEnd()) {
        return;
      }
      if (inChallenge && !paramFollows()) {
        return;
      }
    }
  }

  /** True if the next item is {@code token BWS "="}, i.e. a parameter, not a new scheme. */
  private boolean paramFollows() {
    int start = at;
    token();
    skipSpaces();
    boolean param = !atEnd() && peek() == '=';
    at = start;
    return param;
  }

  /** Consumes a token68 (RFC 7235 section 2.1) if one stands alone here; otherwise moves nothing. */
  private boolean skipToken68() {
    int start = at;
    while (!atEnd() && isToken68Char(peek())) {
      at++;
    }
    boolean any = at > start;
    while (!atEnd() && peek() == '=') {
      at++;
    }
    skipSpaces();
    if (any && (atEnd() || peek() == ',')) {
      return true;
    }
    at = start;
    return false;
  }

  private String quoted() throws UnexpectedAnswerException {
    at++; // opening quote
    StringBuilder value = new StringBuilder();
    while (!atEnd()) {
      char c = header.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        if (atEnd()) {
          break;
        }
        c = header.charAt(at++);
      }
      value.append(c);
    }
    throw malformed("unterminated quoted string");
  }

  /**
   * An unquoted value. RFC 7235 allows only a token, but servers send unquoted base64 nonces
   * (with '/', '=') too; anything up to the next separator is accepted.
   */
  private String bareValue() {
    int start = at;
    while (!atEnd() && peek() != ',' && peek() != ' ' && peek() != '\t' && peek() != '"') {
      at++;
    }
    return header.substring(start, at);
  }

  private String token() {
    int start = at;
    while (!atEnd() && isTokenChar(peek())) {
      at++;
    }
    return header.substring(start, at);
  }

  private void expect(char c) throws UnexpectedAnswerException {
    if (atEnd() || peek() != c) {
      throw malformed("expected '" + c + "'");
    }
    at++;
  }

  private void skipSpaces() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
      at++;
    }
  }

  private void skipSeparators() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ',')) {
      at++;
    }
  }

  private boolean atEnd() {
    return at >= header.length();
  }

  private char peek() {
    return header.charAt(at);
  }

  private UnexpectedAnswerException malformed(String problem) {
    return new UnexpectedAnswerException(
        "malformed " + what + " header at character " + at + ": " + problem);
  }

  /** RFC 7230 section 3.2.6 tchar. */
  static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static boolean isToken68Char(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~+/".indexOf(c) >= 0;
  }
}
