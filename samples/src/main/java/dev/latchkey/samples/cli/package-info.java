/**
 * The samples CLI ({@code demo}, {@code simulate}, {@code call}) and what every sample implements
 * for it: {@link dev.latchkey.samples.cli.Sample}, {@link dev.latchkey.samples.cli.SampleCall},
 * {@link dev.latchkey.samples.cli.RunningSimulator}. Also helpers samples share: {@link
 * dev.latchkey.samples.cli.Secrets}, {@link dev.latchkey.samples.cli.SampleCalls}, {@link
 * dev.latchkey.samples.cli.CallCounters}.
 */
package dev.latchkey.samples.cli;
