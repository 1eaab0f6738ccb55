/**
 * What every simulator shares: a small loopback HTTP server on the JDK's {@code HttpServer} with a
 * {@code GET /__sim/stats} route, and the thread-safe counters that route reports.
 */
package dev.latchkey.samples.sim;
