/**
 * Micrometer meters from Latchkey's authentication events: {@link
 * dev.latchkey.micrometer.LatchkeyMetrics} is both a {@code MeterBinder} and the {@code
 * AuthEventListener} a client is built with.
 */
package dev.latchkey.micrometer;
