package dev.latchkey.runtime.header;

import okhttp3.HttpUrl;

/** Scheme, host and port: the unit a credential is meant for (RFC 6454 section 4). */
record Origin(String scheme, String host, int port) {

  static Origin of(HttpUrl url) {
    return new Origin(url.scheme(), url.host(), url.port());
  }

  boolean matches(HttpUrl url) {
    return scheme.equals(url.scheme()) && host.equalsIgnoreCase(url.host()) && port == url.port();
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
