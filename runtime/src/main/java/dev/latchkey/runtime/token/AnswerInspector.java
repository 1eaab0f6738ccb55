package dev.latchkey.runtime.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.Response;

/**
 * Reads an ordinary call's answer for what it says about the session. The error identifier is
 * peeked (bounded, without consuming the body) on every status, because Xandr's {@code NOAUTH}
 * came with HTTP 200 before 2016 and with 401 since.
 */
final class AnswerInspector {

  /** What an answer means for the session. */
  enum Verdict { OK, SESSION_GONE, FORBIDDEN, ACCOUNT_UNUSABLE }

  /** A verdict and the error identifier that led to it (not secret; may be null). */
  record Reading(Verdict verdict, String errorId) {}

  private final TokenConfig config;

  AnswerInspector(TokenConfig config) {
    this.config = config;
  }

  Reading read(Response response) throws IOException {
    String errorId = null;
    if (config.errorPointer() != null) {
      JsonNode root = JsonAnswers.peek(response);
      errorId = JsonAnswers.textAt(root, config.errorPointer());
    }
    if (errorId != null && config.forbiddenErrors().contains(errorId)) {
      return new Reading(Verdict.FORBIDDEN, errorId);
    }
    if (errorId != null && config.terminalErrors().contains(errorId)) {
      return new Reading(Verdict.ACCOUNT_UNUSABLE, errorId);
    }
    if (config.sessionGoneStatus().contains(response.code())
        || (errorId != null && config.sessionGoneErrors().contains(errorId))) {
      return new Reading(Verdict.SESSION_GONE, errorId);
    }
    return new Reading(Verdict.OK, errorId);
  }
}
