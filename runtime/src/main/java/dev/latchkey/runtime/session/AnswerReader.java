package dev.latchkey.runtime.session;

import com.fasterxml.jackson.core.JsonPointer;
import dev.latchkey.runtime.http.CredentialOrigins;
import java.io.IOException;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads an ordinary call's answer for what it says about the session. Only an answer from the
 * credential's origins speaks about it (the origin rule: a 401 from a CDN after a redirect is the
 * caller's business, and must cost no login). The error identifier is peeked (bounded, without
 * consuming the body) on every status, because Xandr's {@code NOAUTH} came with HTTP 200 before
 * 2016 and with 401 since.
 */
final class AnswerReader {

  /** What an answer means for the session. */
  enum Verdict {
    FOREIGN,
    OK,
    SESSION_GONE,
    FORBIDDEN,
    ACCOUNT_UNUSABLE
  }

  /** A verdict and the error identifier that led to it (not secret; may be null). */
  record Reading(Verdict verdict, String errorId) {}

  private static final Reading FOREIGN = new Reading(Verdict.FOREIGN, null);
  private static final Reading OK = new Reading(Verdict.OK, null);
  private static final Reading GONE = new Reading(Verdict.SESSION_GONE, null);

  private final SessionRecipe.Answers answers;
  private final CredentialOrigins origins;
  private final JsonPointer errorPointer;
  /** {@code "name"} of the error field, looked for before parsing: most answers do not have it. */
  private final ByteString errorField;
  /** {@code sessionGoneStatus} as a table: a {@code Set<Integer>} lookup would box every status. */
  private final boolean[] gone = new boolean[600];

  AnswerReader(SessionRecipe.Answers answers, CredentialOrigins origins) {
    this.answers = answers;
    this.origins = origins;
    this.errorPointer = Bodies.pointer(answers.errorPointer());
    this.errorField = errorPointer == null
        ? null
        : ByteString.encodeUtf8("\"" + errorPointer.last().getMatchingProperty() + "\"");
    for (int status : answers.sessionGoneStatus()) { // no lambda: cold start (issue 17)
      gone[status] = true;
    }
  }

  private boolean gone(int status) {
    return status >= 0 && status < gone.length && gone[status];
  }

  /**
   * The error identifier, if the answer has one. The answer's own buffer is searched for the
   * field's name, with no copy; only an answer that has it is copied and parsed. A warm call whose
   * answer has no error allocates nothing here (issue 17's per-call budget; main copied and parsed
   * every answer).
   */
  private String errorId(Response response) throws IOException {
    long length = response.body().contentLength();
    if (length == 0 || length > Bodies.PEEK_LIMIT) {
      return null;
    }
    BufferedSource source = response.body().source();
    source.request(
        Bodies.PEEK_LIMIT + 1L); // what peekBody would buffer; the caller still reads it all
    Buffer buffered = source.getBuffer();
    if (buffered.size() > Bodies.PEEK_LIMIT || buffered.indexOf(errorField) < 0) {
      return null;
    }
    return Bodies.textAt(Bodies.json(buffered.snapshot().toByteArray()), errorPointer);
  }

  Reading read(Response response) throws IOException {
    if (!origins.contains(response.request().url())) {
      return FOREIGN;
    }
    String errorId = errorPointer == null ? null : errorId(response);
    if (errorId == null) {
      return gone(response.code()) ? GONE : OK;
    }
    if (answers.forbiddenErrors().contains(errorId)) {
      return new Reading(Verdict.FORBIDDEN, errorId);
    }
    if (answers.terminalErrors().contains(errorId)) {
      return new Reading(Verdict.ACCOUNT_UNUSABLE, errorId);
    }
    if (gone(response.code()) || answers.sessionGoneErrors().contains(errorId)) {
      return new Reading(Verdict.SESSION_GONE, errorId);
    }
    return new Reading(Verdict.OK, errorId);
  }
}
