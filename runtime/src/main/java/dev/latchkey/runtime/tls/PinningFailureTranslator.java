package dev.latchkey.runtime.tls;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Application interceptor that turns OkHttp's {@code SSLPeerUnverifiedException("Certificate
 * pinning failure!...")} into a {@link PinningException}, so callers catch one typed exception. It
 * must be an application interceptor: OkHttp checks pins while connecting, before any network
 * interceptor runs.
 */
final class PinningFailureTranslator implements Interceptor {
  private final Map<String, List<String>> pins;

  PinningFailureTranslator(Map<String, List<String>> pins) {
    this.pins = pins;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      return chain.proceed(chain.request());
    } catch (PinningException e) {
      throw e;
    } catch (SSLPeerUnverifiedException e) {
      String message = e.getMessage();
      if (message != null && message.startsWith(PinFailures.OKHTTP_PREFIX)) {
        throw PinFailures.fromOkHttp(e, chain.request().url().host(), pins);
      }
      throw e;
    }
  }
}
