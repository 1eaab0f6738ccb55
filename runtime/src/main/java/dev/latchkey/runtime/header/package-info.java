/**
 * Header authentication (MediaSilo style): fixed headers such as an account name and an
 * application key on every request, plus either HTTP Basic credentials or the key of a server
 * session created on first use.
 *
 * <p>The public surface is {@link dev.latchkey.runtime.header.HeaderScheme} and {@link
 * dev.latchkey.runtime.header.HeaderAuthMode}. The scheme only describes the API: it turns its
 * builder into a {@link dev.latchkey.runtime.session.SessionRecipe} (Basic being a session made
 * locally from the credentials) and runs on the one session engine of {@code
 * dev.latchkey.runtime.session}, shared with token login.
 */
package dev.latchkey.runtime.header;
