package dev.latchkey.processor;

/**
 * One {@code @Environment}: exactly one of {@code baseUrl} and {@code baseUrlProperty} is
 * non-empty.
 */
record EnvironmentModel(String name, String baseUrl, String baseUrlProperty) {

  /** Whether the base URL comes from configuration rather than a literal. */
  boolean isProperty() {
    return !baseUrlProperty.isEmpty();
  }
}
