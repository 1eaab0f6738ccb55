package dev.latchkey.processor;

/** The settings of one authentication annotation, read and validated. */
sealed interface AuthModel permits DigestModel, TokenModel, HeaderModel {

  /** The runtime scheme's {@code kind()}: {@code digest}, {@code token} or {@code header}. */
  String kind();

  /** The annotation's simple name, for generated Javadoc. */
  String annotationName();

  /** Whether the generated builder has {@code credentials(..)}. */
  default boolean needsCredentials() {
    return true;
  }
}
