package dev.latchkey.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the authentication machinery did or saw. Metrics, logs and the samples CLI's {@code
 * stats} line read these. Never carries a secret: {@link #detail()} is written for humans and is
 * safe to log.
 *
 * @param type what happened
 * @param host the host it happened with (may be empty for local events)
 * @param detail a short, secret-free description
 * @param at when, by the client's clock
 */
public record AuthEvent(Type type, String host, String detail, Instant at) {

  /** The kinds of event. */
  public enum Type {
    /** A server challenge (401/407 with a digest challenge) was received. */
    CHALLENGE,
    /** A cached nonce was reused pre-emptively. */
    NONCE_REUSED,
    /** A nonce was replaced before it ran out (proactive, or from {@code nextnonce}). */
    NONCE_RENEWED,
    /** A login or session-creation call was made and succeeded. */
    LOGIN,
    /** A login or session-creation call failed. */
    LOGIN_FAILED,
    /** A login was delayed or refused by a login budget (ours or the server's). */
    THROTTLED,
    /** A session was renewed (re-login) because it was about to end or had ended. */
    RENEWED,
    /** The server rejected a request's credentials (401, 403, 407 or an error body). */
    REJECTED,
    /** A session was ended on purpose (logout, close). */
    LOGGED_OUT,
    /** Something noteworthy that is not an error, such as a session adopted from a store. */
    NOTICE,
    /** A shared session store became unreachable: sessions and the throttle are local for now. */
    STORE_UNAVAILABLE,
    /** A shared session store answers again: sharing resumed. */
    STORE_RESTORED
  }

  public AuthEvent {
    Objects.requireNonNull(type, "type");
    host = host == null ? "" : host;
    detail = detail == null ? "" : detail;
    Objects.requireNonNull(at, "at");
  }
}
