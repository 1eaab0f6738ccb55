package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the certificate chain of hosts that match {@link #host()} to SPKI hashes ({@code
 * sha256/<base64>}). Pin the issuing CA and its roots, never the leaf, so that the leaf can rotate.
 * Pins can be replaced at run time from the builder or configuration.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(PinCertificatesList.class)
public @interface PinCertificates {
  /** Host pattern as OkHttp's {@code CertificatePinner} takes it: {@code host}, {@code *.host}, {@code **.host}. */
  String host();

  /** SPKI pins, {@code sha256/} followed by the base64 of a 32-byte hash. */
  String[] pins();
}
