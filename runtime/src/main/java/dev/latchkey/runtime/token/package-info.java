/**
 * Token login (Xandr / AppNexus style): the client posts credentials (or a signed JWT) to a login
 * path, reads a token from the JSON answer, and sends it on every later call in a header or a
 * cookie.
 *
 * <p>{@link dev.latchkey.runtime.token.TokenScheme} is the only type a user configures; {@link
 * dev.latchkey.runtime.token.JwtSigningKey} holds a JWT login key. The scheme only describes the
 * API: it turns its builder into a {@link dev.latchkey.runtime.session.SessionRecipe} and runs on
 * the one session engine of {@code dev.latchkey.runtime.session}, shared with header sessions.
 */
package dev.latchkey.runtime.token;
