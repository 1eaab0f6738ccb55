/**
 * Benchmarks of Latchkey against the anchors (okhttp-digest, Apache HttpClient 5, a naive token
 * authenticator): {@link dev.latchkey.bench.BenchMain} runs them all and writes the tables of
 * {@code docs/benchmarks.md} and its chart. Not part of the default build (profile {@code bench}).
 */
package dev.latchkey.bench;
