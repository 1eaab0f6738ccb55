/**
 * The Xandr / AppNexus sample (seeds 001 and 003): {@link dev.latchkey.samples.xandr.XandrApi},
 * the token-login interface; {@link dev.latchkey.samples.xandr.XandrSimulator}, a loopback server
 * that behaves like the documented auth service (2 h sliding and 24 h hard token lifetimes, 10 logins
 * per 5 minutes, header or cookie transport, JWT login); and {@link
 * dev.latchkey.samples.xandr.XandrSample}, its CLI entry (simulate, call, demo).
 */
package dev.latchkey.samples.xandr;
