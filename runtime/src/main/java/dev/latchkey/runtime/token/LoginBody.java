package dev.latchkey.runtime.token;

/**
 * How the login call sends its fields; the runtime's mirror of the annotation's {@code
 * LoginBody} (the runtime does not depend on the annotations, as {@code DigestAlgorithm} shows).
 */
public enum LoginBody {
  /** A JSON object; field names are JSON pointers. The default. */
  JSON,
  /** {@code application/x-www-form-urlencoded}; field names are form field names. */
  FORM,
  /** No body and no {@code Content-Type}; goes with {@link TokenScheme.Builder#loginBasic}. */
  NONE
}
