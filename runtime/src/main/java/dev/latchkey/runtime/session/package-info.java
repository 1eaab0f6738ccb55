/**
 * The one session engine behind token login ({@code @TokenLogin}) and header sessions ({@code
 * @HeaderAuth}). A kind describes its API as data, a {@link
 * dev.latchkey.runtime.session.SessionRecipe} (how to open a session, where the token comes back,
 * how it is carried, how answers are read, lifetimes, budget, logout), and {@link
 * dev.latchkey.runtime.session.SessionAuth#install} runs it; everything else is package-private.
 *
 * <p>Inside: an immutable session value read without a lock ({@code Session}), one login in flight
 * run outside the lock and shared by every waiting caller, waits bounded by the waiting call's own
 * timeout and {@code cancel()} ({@code SessionEngine}, modelled on google-auth-library-java's
 * {@code OAuth2Credentials}); one login pipeline (credentials asked in one place, fail fast after a
 * refusal, the server's throttle, adopt from the store, the budget, open, save); the store always
 * present (in memory unless the user shares one); one reading of answers that listens only to the
 * credential's origins ({@code AnswerReader}); one origin guard ({@code CredentialGuard}); the
 * carriers ({@code Carry}, {@code SessionCookieJar}); and the per-kind login call driven by the
 * recipe ({@code Opener}). Secrets the engine meets are registered with the client's redactor.
 */
package dev.latchkey.runtime.session;
