package dev.latchkey.runtime.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The origins a client's credentials belong to (design.md, "the origin rule"): the base URL's
 * origin, plus the origins the user added explicitly on the builder. Only for a request to one of
 * these may an engine sign, log in, replay, or read an answer as "session gone"; an answer from any
 * other origin goes to the caller untouched.
 *
 * <p>Immutable and thread-safe; {@link #contains} allocates nothing, because every engine asks it
 * on every request.
 *
 * @param primary the base URL's origin, where logins go and whose name keys the session store
 * @param all {@code primary} first, then the added origins, without duplicates
 */
public record CredentialOrigins(Origin primary, List<Origin> all) {

  public CredentialOrigins {
    Objects.requireNonNull(primary, "primary");
    all = List.copyOf(all);
    if (all.isEmpty() || !all.get(0).equals(primary)) {
      throw new IllegalArgumentException("the primary origin must come first");
    }
  }

  /** Only the base URL's origin. */
  public static CredentialOrigins of(HttpUrl baseUrl) {
    Origin primary = Origin.of(baseUrl);
    return new CredentialOrigins(primary, List.of(primary));
  }

  /** The base URL's origin and each of {@code added} (their paths are ignored). */
  public static CredentialOrigins of(HttpUrl baseUrl, List<HttpUrl> added) {
    Set<Origin> origins = new LinkedHashSet<>();
    origins.add(Origin.of(baseUrl));
    for (HttpUrl url : added) {
      origins.add(Origin.of(url));
    }
    return new CredentialOrigins(Origin.of(baseUrl), List.copyOf(origins));
  }

  /** Whether {@code url}'s scheme, host and port are one of these origins. */
  public boolean contains(HttpUrl url) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).matches(url)) {
        return true;
      }
    }
    return false;
  }
}
