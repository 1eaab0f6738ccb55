package dev.latchkey.runtime;

import java.io.Closeable;
import okhttp3.OkHttpClient;

/**
 * One way of authenticating: digest, token login or headers. A scheme is configuration; {@link
 * #install} turns it into the interceptors of one client. Implementations are immutable.
 */
public interface AuthScheme {

  /** A short, secret-free name for {@code toString()}: {@code digest}, {@code token}, {@code header}. */
  String kind();

  /**
   * Adds this scheme's interceptors to {@code builder}, which already carries the user's own
   * configuration, TLS pinning and logging. Returns what must be released when the client closes
   * (for example, ending a server session).
   */
  Closeable install(AuthContext context, OkHttpClient.Builder builder);
}
