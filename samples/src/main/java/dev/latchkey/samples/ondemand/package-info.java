/**
 * The Mediagenix On-Demand sample: the digest-authenticated {@link
 * dev.latchkey.samples.ondemand.OnDemandApi}, its XML model, a simulator that checks digest
 * credentials itself, and the CLI's {@link dev.latchkey.samples.ondemand.OnDemandSample}.
 */
package dev.latchkey.samples.ondemand;
