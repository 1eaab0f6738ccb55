package dev.latchkey.samples.mediasilo;

/** {@code GET /v3/me}: the user the credentials belong to. Unknown fields are ignored. */
public record Me(String id, String userName, String email, String accountName) {}
