package dev.latchkey.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the authentication machinery did or saw. Metrics, logs and the samples CLI's {@code
 * stats} line read these. Never carries a secret: {@link #detail()} is written for humans and is
 * safe to log.
 *
 * @param type what happened
 * @param client the name of the client it happened in ({@code OnDemandApi}); empty for events of a
 *     shared object that serves several clients, such as a session store
 * @param host the host it happened with (may be empty for local events)
 * @param detail a short, secret-free description
 * @param at when, by the client's clock
 * @param duration how long the thing this event ends took (a login, a digest challenge exchange),
 *     by the client's clock or the wire; null for events that end nothing
 */
public record AuthEvent(
    Type type, String client, String host, String detail, Instant at, Duration duration) {

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

  /** Validates; {@code client}, {@code host} and {@code detail} may be null (read as empty). */
  public AuthEvent {
    Objects.requireNonNull(type, "type");
    client = client == null ? "" : client;
    host = host == null ? "" : host;
    detail = detail == null ? "" : detail;
    Objects.requireNonNull(at, "at");
    if (duration != null && duration.isNegative()) {
      duration = Duration.ZERO; // a clock stepped back during the exchange
    }
  }

  /** An event of no particular client that ends nothing (the form before clients were named). */
  public AuthEvent(Type type, String host, String detail, Instant at) {
    this(type, "", host, detail, at, null);
  }

  /** Whether {@link #duration()} says how long something took. */
  public boolean hasDuration() {
    return duration != null;
  }
}
