/**
 * Token login (Xandr / AppNexus style): the client posts credentials (or a signed JWT) to a login
 * path, reads a token from the JSON answer, and sends it on every later call in a header or a
 * cookie.
 *
 * <p>{@link dev.latchkey.runtime.token.TokenScheme} is the only type a user configures; {@link
 * dev.latchkey.runtime.token.JwtSigningKey} holds a JWT login key. Everything else is
 * package-private: an immutable session value read without a lock on the fast path (modelled on
 * google-auth-library-java's {@code OAuth2Credentials}), one login in flight per account that every
 * waiting caller shares, a sliding-window login budget, and the interceptor that renews a session
 * proactively (before its idle or hard lifetime ends) and reactively (on the server's "session gone"
 * answer, for that session's generation only). With a {@link dev.latchkey.runtime.store.SessionStore}
 * set, the keeper adopts a still-usable stored session under the store's login lock before logging
 * in, saves each new one, invalidates a refused generation there, and counts its logins in the
 * store's window ({@code SharedSessions}).
 */
package dev.latchkey.runtime.token;
