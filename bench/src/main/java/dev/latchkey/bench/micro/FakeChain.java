package dev.latchkey.bench.micro;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.SocketFactory;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Authenticator;
import okhttp3.Cache;
import okhttp3.Call;
import okhttp3.CertificatePinner;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor chain whose network is a function: it runs the given interceptors in
 * order and hands the last request to {@code network}. This measures what an auth interceptor
 * itself costs, without the 50-100 microseconds of a loopback round trip that would drown it.
 *
 * <p>Like OkHttp's own chain it is one small object per interceptor, and {@link #call()} is a real
 * (never executed) {@link Call} of the client, so an interceptor that keeps state on its call sees
 * what it would see in OkHttp. An earlier version was a {@code java.lang.reflect.Proxy} per
 * interceptor: its reflective dispatch and boxing cost each extra interceptor about a microsecond,
 * which was charged to the auth scheme that had it. What interceptors do not use throws.
 */
final class FakeChain implements Interceptor.Chain {
  private final List<Interceptor> interceptors;
  private final int index;
  private final Request request;
  private final Call call;
  private final Function<Request, Response> network;

  private FakeChain(
      List<Interceptor> interceptors,
      int index,
      Request request,
      Call call,
      Function<Request, Response> network) {
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
    this.call = call;
    this.network = network;
  }

  /**
   * Sends {@code request} through {@code interceptors}, then to {@code network}, as one call of
   * {@code client} (made, never executed).
   */
  static Response execute(
      OkHttpClient client,
      List<Interceptor> interceptors,
      Request request,
      Function<Request, Response> network)
      throws IOException {
    return new FakeChain(interceptors, 0, request, client.newCall(request), network).run(request);
  }

  private Response run(Request request) throws IOException {
    if (index == interceptors.size()) {
      return network.apply(request);
    }
    return interceptors.get(index).intercept(this);
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response proceed(Request next) throws IOException {
    return new FakeChain(interceptors, index + 1, next, call, network).run(next);
  }

  @Override
  public Connection connection() {
    return null;
  }

  @Override
  public Call call() {
    return call;
  }

  @Override
  public int connectTimeoutMillis() {
    return 10_000;
  }

  @Override
  public int readTimeoutMillis() {
    return 10_000;
  }

  @Override
  public int writeTimeoutMillis() {
    return 10_000;
  }

  @Override
  public Interceptor.Chain withConnectTimeout(int timeout, TimeUnit unit) {
    throw unused();
  }

  @Override
  public Interceptor.Chain withReadTimeout(int timeout, TimeUnit unit) {
    throw unused();
  }

  @Override
  public Interceptor.Chain withWriteTimeout(int timeout, TimeUnit unit) {
    throw unused();
  }

  @Override
  public boolean getFollowSslRedirects() {
    throw unused();
  }

  @Override
  public boolean getFollowRedirects() {
    throw unused();
  }

  @Override
  public Dns getDns() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withDns(Dns dns) {
    throw unused();
  }

  @Override
  public SocketFactory getSocketFactory() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withSocketFactory(SocketFactory socketFactory) {
    throw unused();
  }

  @Override
  public boolean getRetryOnConnectionFailure() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withRetryOnConnectionFailure(boolean retry) {
    throw unused();
  }

  @Override
  public Authenticator getAuthenticator() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withAuthenticator(Authenticator authenticator) {
    throw unused();
  }

  @Override
  public CookieJar getCookieJar() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withCookieJar(CookieJar cookieJar) {
    throw unused();
  }

  @Override
  public Cache getCache() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withCache(Cache cache) {
    throw unused();
  }

  @Override
  public Proxy getProxy() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withProxy(Proxy proxy) {
    throw unused();
  }

  @Override
  public ProxySelector getProxySelector() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withProxySelector(ProxySelector proxySelector) {
    throw unused();
  }

  @Override
  public Authenticator getProxyAuthenticator() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withProxyAuthenticator(Authenticator authenticator) {
    throw unused();
  }

  @Override
  public SSLSocketFactory getSslSocketFactoryOrNull() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withSslSocketFactory(
      SSLSocketFactory socketFactory, X509TrustManager trustManager) {
    throw unused();
  }

  @Override
  public X509TrustManager getX509TrustManagerOrNull() {
    throw unused();
  }

  @Override
  public HostnameVerifier getHostnameVerifier() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withHostnameVerifier(HostnameVerifier hostnameVerifier) {
    throw unused();
  }

  @Override
  public CertificatePinner getCertificatePinner() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withCertificatePinner(CertificatePinner certificatePinner) {
    throw unused();
  }

  @Override
  public ConnectionPool getConnectionPool() {
    throw unused();
  }

  @Override
  public Interceptor.Chain withConnectionPool(ConnectionPool connectionPool) {
    throw unused();
  }

  @Override
  public EventListener getEventListener() {
    throw unused();
  }

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("not used by the interceptors measured");
  }

  @Override
  public String toString() {
    return "FakeChain#" + index;
  }
}
