/**
 * Spring Boot auto-configuration for Latchkey: one bean per generated client, configured under
 * {@code latchkey.clients.<name>}, a health indicator per client, Micrometer metrics, and masking
 * of the secrets in the actuator's {@code configprops} and {@code env} endpoints.
 */
package dev.latchkey.spring;
