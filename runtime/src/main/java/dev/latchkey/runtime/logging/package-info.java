/**
 * Secret-safe HTTP logging: {@link dev.latchkey.runtime.logging.HttpLog} logs requests and
 * responses on the wire with every credential-bearing header, secret JSON field and known secret
 * value replaced, so that full logging can stay switched on in production.
 */
package dev.latchkey.runtime.logging;
