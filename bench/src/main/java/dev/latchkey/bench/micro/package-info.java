/**
 * JMH benchmarks of the per-request cost of each auth interceptor (over loopback, and alone in an
 * interceptor chain whose network is a fake), and of digest header building and challenge
 * parsing; {@link dev.latchkey.bench.micro.JmhBench} runs them with the GC profiler.
 */
package dev.latchkey.bench.micro;
