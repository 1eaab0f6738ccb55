package dev.latchkey.redis;

import dev.latchkey.runtime.LatchkeyConfigException;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reads {@code redis://HOST:PORT[/DB]} (or {@code rediss://} for TLS); messages never show a
 * password.
 */
final class RedisUris {
  private RedisUris() {}

  static RedisURI parse(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new LatchkeyConfigException(
          "RedisSessionStore: a URI such as redis://127.0.0.1:6379 is required");
    }
    String scheme =
        uri.contains("://") ? uri.substring(0, uri.indexOf("://")).toLowerCase(Locale.ROOT) : "";
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new LatchkeyConfigException(
          "RedisSessionStore: the URI must start with redis:// or rediss://, not '"
              + masked(uri)
              + "'");
    }
    URI plain;
    try {
      plain = new URI(uri);
    } catch (URISyntaxException e) {
      throw notAUri(uri);
    }
    // Lettuce reads "redis://host:notaport" as the host "host:notaport": check with java.net.URI
    if (plain.getHost() == null || plain.getHost().isBlank()) {
      throw new LatchkeyConfigException(
          "RedisSessionStore: '" + masked(uri) + "' names no host, or its port is not a number");
    }
    RedisURI parsed;
    try {
      parsed = RedisURI.create(uri);
    } catch (RuntimeException e) {
      throw notAUri(uri);
    }
    return parsed;
  }

  private static LatchkeyConfigException notAUri(String uri) {
    return new LatchkeyConfigException("RedisSessionStore: '"
        + masked(uri)
        + "' is not a Redis URI such as redis://127.0.0.1:6379");
  }

  /** The URI with any user information ({@code user:password@}) replaced. */
  static String masked(String uri) {
    int start = uri.indexOf("://");
    int at = uri.lastIndexOf('@');
    if (start < 0 || at < start) {
      return uri;
    }
    return uri.substring(0, start + 3) + "██@" + uri.substring(at + 1);
  }
}
