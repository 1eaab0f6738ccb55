package dev.latchkey.runtime.http;

import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Scheme, host and port: the unit a credential is meant for (RFC 6454 section 4) and, with a
 * realm, the protection space of RFC 7235 section 2.2. Every engine sends credentials only to the
 * origin of its base URL; a redirect that changes any of the three parts leaves them behind.
 *
 * <p>{@link #PROXY} is the one pseudo-origin: a proxy's credentials ({@code Proxy-Authorization})
 * belong to the proxy, whatever the target, so it matches every URL. Only the digest engine's proxy
 * mode uses it.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host, lower case
 * @param port the port, explicit or the scheme's default
 */
public record Origin(String scheme, String host, int port) {
  /** The pseudo-origin of a proxy's credentials; matches every URL. */
  public static final Origin PROXY = new Origin("proxy", "", 0);

  /** Normalizes the host to lower case (HttpUrl already does; a hand-made record may not). */
  public Origin {
    Objects.requireNonNull(scheme, "scheme");
    host = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
  }

  /** The origin of {@code url}. */
  public static Origin of(HttpUrl url) {
    return new Origin(url.scheme(), url.host(), url.port());
  }

  /** Whether credentials for this origin may be sent to {@code url}: same scheme, host and port. */
  public boolean matches(HttpUrl url) {
    return this == PROXY
        || (scheme.equals(url.scheme()) && host.equalsIgnoreCase(url.host()) && port == url.port());
  }

  /** For events and messages: {@code host:port} ({@code proxy} for {@link #PROXY}). */
  public String label() {
    return this == PROXY ? "proxy" : host + ":" + port;
  }

  // equals and hashCode by hand, with the meaning a record's generated ones have (all three
  // parts): the generated ones bootstrap java.lang.runtime.ObjectMethods through invokedynamic, and
  // on a fresh JVM that spun about 30 method-handle classes, 15-40 ms, in the first call's path,
  // where every engine keys its state by origin (issue 17, cold start).
  @Override
  public boolean equals(Object other) {
    return this == other
        || (other instanceof Origin that
            && port == that.port
            && scheme.equals(that.scheme)
            && host.equals(that.host));
  }

  @Override
  public int hashCode() {
    return (scheme.hashCode() * 31 + host.hashCode()) * 31 + Integer.hashCode(port);
  }

  @Override
  public String toString() {
    return this == PROXY ? "proxy" : scheme + "://" + host + ":" + port;
  }
}
