package dev.latchkey.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * What a client knows about its authentication right now, read from memory without a network
 * call: for health checks and dashboards. Never carries a secret.
 *
 * @param status the state
 * @param until when it ends, where known: a live session's or nonce's end, the end of a throttle or
 *     of a refusal's back-off; null otherwise
 * @param detail a short, secret-free description (for a digest client, the nonce's realm)
 */
public record SessionState(Status status, Instant until, String detail) {

  /** The states a client's authentication can be in. */
  public enum Status {
    /** No session or nonce yet (nothing called), or the last one ran out: the next call logs in. */
    NONE,
    /** A usable session (or digest nonce) is held. */
    LIVE,
    /** A login, session creation or challenge fetch is in flight. */
    RENEWING,
    /** The server refused the credentials; no login is tried again before {@code until}. */
    REFUSED,
    /** The login budget (ours or the server's) allows no login before {@code until}. */
    THROTTLED,
    /** The client was closed. */
    CLOSED,
    /** The scheme keeps no state it can report (a hand-written {@link AuthScheme}). */
    UNKNOWN
  }

  /** Validates; {@code detail} may be null (read as empty). */
  public SessionState {
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
  }

  /** A state without an end or a detail. */
  public static SessionState of(Status status) {
    return new SessionState(status, null, "");
  }
}
