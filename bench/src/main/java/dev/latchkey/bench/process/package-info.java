/**
 * Benchmarks of whole processes (issue 17): the samples CLI and its simulators at the wire's pace,
 * a fresh JVM's first authenticated call, and a short-lived process of many calls, each against
 * the clients a user would otherwise write, started as fresh JVMs side by side in one run.
 */
package dev.latchkey.bench.process;
