package dev.latchkey.runtime.token;

import java.security.PrivateKey;

/** Test stub of the runtime record, as the API contract names it. */
public record JwtSigningKey(String user, String keyName, PrivateKey key) {}
