/**
 * The annotations that turn a Retrofit-style interface into a Latchkey client.
 *
 * <p>Put exactly one of {@link dev.latchkey.annotations.DigestAuth}, {@link
 * dev.latchkey.annotations.TokenLogin} or {@link dev.latchkey.annotations.HeaderAuth} on an
 * interface; the Latchkey processor then generates {@code Latchkey<Name>}, a client with a typed
 * builder. Durations are ISO-8601 strings ({@code "PT5M"}) so that the processor can check them at
 * compile time.
 */
package dev.latchkey.annotations;
