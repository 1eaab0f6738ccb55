/**
 * What every simulator shares: a small loopback HTTP server on the JDK's {@code HttpServer} with a
 * {@code GET /__sim/stats} route, the thread-safe counters that route reports, and {@link
 * dev.latchkey.samples.sim.SimTls}, the generated certificate chain a simulator serves HTTPS with
 * ({@code simulate NAME --tls}).
 */
package dev.latchkey.samples.sim;
