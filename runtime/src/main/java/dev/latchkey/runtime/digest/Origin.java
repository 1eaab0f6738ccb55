package dev.latchkey.runtime.digest;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Scheme, host and port: with the realm, the protection space of RFC 7235 section 2.2. In proxy
 * mode every request shares one pseudo-origin, because {@code Proxy-Authorization} belongs to the
 * proxy, whatever the target.
 */
record Origin(String scheme, String host, int port) {
  static final Origin PROXY = new Origin("proxy", "", 0);

  static Origin of(HttpUrl url) {
    return new Origin(url.scheme(), url.host().toLowerCase(Locale.ROOT), url.port());
  }

  /** Whether credentials for this origin may be sent to {@code url}. */
  boolean covers(HttpUrl url) {
    return this == PROXY || equals(of(url));
  }

  /** For events: {@code host:port}. */
  String label() {
    return this == PROXY ? "proxy" : host + ":" + port;
  }
}
