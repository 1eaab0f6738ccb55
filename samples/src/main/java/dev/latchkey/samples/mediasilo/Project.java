package dev.latchkey.samples.mediasilo;

/** One entry of {@code GET /v3/projects}. Unknown fields are ignored. */
public record Project(String id, String name, String description) {}
