/**
 * Header authentication (MediaSilo style): fixed headers such as an account name and an
 * application key on every request, plus either HTTP Basic credentials or the key of a server
 * session created on first use.
 *
 * <p>The public surface is {@link dev.latchkey.runtime.header.HeaderScheme} and {@link
 * dev.latchkey.runtime.header.HeaderAuthMode}; everything else is package-private machinery:
 * the request interceptor, the single-flight session manager, the session calls, the origin guard
 * that keeps declared headers from following a redirect to another origin, and the {@code
 * Retry-After} parser.
 */
package dev.latchkey.runtime.header;
