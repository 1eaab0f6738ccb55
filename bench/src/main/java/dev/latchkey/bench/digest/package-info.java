/**
 * The digest load benchmark: the same workload through Latchkey, okhttp-digest and Apache
 * HttpClient 5, against Jetty's {@code DigestAuthenticator} in-process and Apache httpd's {@code
 * mod_auth_digest}, with exchanges and 401s counted on both sides of the wire.
 */
package dev.latchkey.bench.digest;
