package dev.latchkey.runtime.header;

/** How a {@link HeaderScheme} proves who the caller is, on top of its static headers. */
public enum HeaderAuthMode {
  /** {@code Authorization: Basic ..} from the credentials on every request. */
  BASIC,
  /** A server session created once (user name and password in a JSON body), its key in a header. */
  SESSION,
  /**
   * The static headers alone (an API key, a bearer token): no user name, no password. The mode of
   * an API declared with {@code basicAllowed(false)} and no session.
   */
  HEADERS
}
