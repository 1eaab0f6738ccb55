/**
 * The service-provider view of generated clients, for frameworks (the Spring Boot starter) that
 * configure clients they did not write: {@link dev.latchkey.runtime.spi.ClientDefinition} lists a
 * generated client (the processor writes one per public interface and an index in {@code
 * META-INF/services}), and {@link dev.latchkey.runtime.spi.ClientBuilder} configures it through
 * generic setters, without reflection.
 */
package dev.latchkey.runtime.spi;
