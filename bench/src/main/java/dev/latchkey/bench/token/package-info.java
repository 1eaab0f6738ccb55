/**
 * The token-login benchmark: simulated days of 64 threads against the Xandr simulator (one
 * hand-moved clock for both sides), Latchkey's generated client against a naive OkHttp
 * authenticator that logs in again on every 401.
 */
package dev.latchkey.bench.token;
