/**
 * The Latchkey runtime: {@link dev.latchkey.runtime.LatchkeyClient} assembles an OkHttp client
 * with one {@link dev.latchkey.runtime.AuthScheme}, TLS pinning and secret-safe logging, and hands
 * Retrofit proxies out of it. Generated {@code Latchkey<Name>} classes only wire these together;
 * everything here is usable by hand without the processor.
 *
 * <p>Sub-packages hold one concern each: {@code digest}, {@code token}, {@code header}, {@code tls},
 * {@code logging} and shared {@code http} helpers.
 */
package dev.latchkey.runtime;
