package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.UserPassword;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** A {@link DigestScheme}'s settings, as the interceptors need them. */
record DigestConfig(
    Supplier<UserPassword> credentials,
    Duration nonceLifetime,
    List<DigestAlgorithm> algorithms,
    boolean integrity,
    String realm,
    boolean proxy,
    Supplier<String> cnonceSource,
    boolean mutualAuth) {

  DigestHeaders headers() {
    return proxy ? DigestHeaders.PROXY : DigestHeaders.ORIGIN;
  }

  @Override
  public String toString() {
    return "DigestConfig{nonceLifetime=" + nonceLifetime + ", algorithms=" + algorithms
        + ", integrity=" + integrity + ", realm=" + realm + ", proxy=" + proxy
        + ", mutualAuth=" + mutualAuth + "}";
  }
}
