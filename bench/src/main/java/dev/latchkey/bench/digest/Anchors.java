package dev.latchkey.bench.digest;

import com.burgstaller.okhttp.AuthenticationCacheInterceptor;
import com.burgstaller.okhttp.CachingAuthenticatorDecorator;
import com.burgstaller.okhttp.digest.CachingAuthenticator;
import com.burgstaller.okhttp.digest.Credentials;
import com.burgstaller.okhttp.digest.DigestAuthenticator;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestScheme;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The three digest clients, each in its best documented configuration, with the same
 * timeouts and a connection pool big enough for every thread (OkHttp keeps only 5 idle
 * connections by default, which would make the 16-thread runs measure TCP set-up).
 */
final class Anchors {
  static final String LATCHKEY = "Latchkey";
  static final String OKHTTP_DIGEST = "okhttp-digest 3.1.1";
  static final String HTTPCLIENT5 = "HttpClient 5.6.5";

  private Anchors() {}

  /** A client by name; {@code nonceLifetime} is what the server grants (Latchkey uses it). */
  static LoadClient create(
      String name, String url, String user, String password, Duration nonceLifetime) {
    return switch (name) {
      case LATCHKEY -> latchkey(url, user, password, nonceLifetime);
      case OKHTTP_DIGEST -> okhttpDigest(url, user, password);
      case HTTPCLIENT5 -> httpClient5(HTTPCLIENT5, url, user, password);
      default -> throw new IllegalArgumentException(name);
    };
  }

  static final List<String> ALL = List.of(LATCHKEY, OKHTTP_DIGEST, HTTPCLIENT5);
  static final String BARE_OKHTTP = "OkHttp 5.5.1, no auth";
  static final String BARE_HTTPCLIENT5 = "HttpClient 5.6.5, no auth";

  /** The HTTP stacks alone, on an unprotected resource: the ceiling of each client above. */
  static LoadClient bare(String name, String url) {
    if (name.equals(BARE_OKHTTP)) {
      Counts seen = new Counts();
      OkHttpClient client = okHttpBase(seen);
      return new OkHttpLoadClient(BARE_OKHTTP, client, url, seen, () -> shutdown(client));
    }
    return httpClient5(BARE_HTTPCLIENT5, url, null, null);
  }

  /**
   * OkHttp with a counting network interceptor (sees every exchange, 401s included), with the
   * timeouts HttpClient gets below: connect 5 s, socket reads 10 s. No call timeout: HttpClient's
   * classic client has no whole-call deadline, and OkHttp's costs every call a trip through its
   * one watchdog queue (a lock all 16 threads contend for), which measured 10-30% of throughput
   * at 16 threads on this machine. Runs stay bounded by the read timeout and LoadRun's deadline.
   */
  private static OkHttpClient okHttpBase(Counts seen) {
    return okHttpBase(seen, true);
  }

  /**
   * Like {@link #okHttpBase(Counts)}; without {@code timeouts}, reads and writes have none (the
   * warm single-thread httpd gap: OkHttp runs every timed read through okio's watchdog thread).
   */
  static OkHttpClient okHttpBase(Counts seen, boolean timeouts) {
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(timeouts ? Duration.ofSeconds(10) : Duration.ZERO)
        .writeTimeout(timeouts ? Duration.ofSeconds(10) : Duration.ZERO)
        .addNetworkInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          seen.record(response.code());
          return response;
        })
        .build();
  }

  /** The digest engine of the generated clients, used through its OkHttp client. */
  static LoadClient latchkey(String url, String user, String password, Duration lifetime) {
    return latchkey(LATCHKEY, url, user, password, lifetime, base -> base, client -> client);
  }

  /**
   * Latchkey with changes for the gap bench's bisection: {@code baseChange} changes the user's
   * OkHttp client before Latchkey extends it, {@code latchkey} the Latchkey builder.
   */
  static LoadClient latchkey(
      String name,
      String url,
      String user,
      String password,
      Duration lifetime,
      UnaryOperator<OkHttpClient.Builder> baseChange,
      UnaryOperator<LatchkeyClient.Builder> latchkey) {
    Counts seen = new Counts();
    OkHttpClient base = baseChange.apply(okHttpBase(seen).newBuilder()).build();
    URI uri = URI.create(url);
    LatchkeyClient client = latchkey
        .apply(LatchkeyClient.builder("Bench")
            .baseUrl(uri.resolve("/").toString())
            .okHttpClient(base)
            .auth(DigestScheme.builder()
                .credentials(() -> new UserPassword(user, password))
                .nonceLifetime(lifetime)
                .build()))
        .build();
    return new OkHttpLoadClient(name, client.okHttpClient(), url, seen, () -> {
      client.close();
      shutdown(base);
    });
  }

  /** okhttp-digest as its README says: the caching decorator plus the cache interceptor. */
  static LoadClient okhttpDigest(String url, String user, String password) {
    return okhttpDigest(OKHTTP_DIGEST, url, user, password, true);
  }

  /** okhttp-digest, with or without OkHttp's read and write timeouts. */
  static LoadClient okhttpDigest(
      String name, String url, String user, String password, boolean timeouts) {
    Counts seen = new Counts();
    OkHttpClient base = okHttpBase(seen, timeouts);
    Map<String, CachingAuthenticator> authCache = new ConcurrentHashMap<>();
    DigestAuthenticator authenticator = new DigestAuthenticator(new Credentials(user, password));
    OkHttpClient client = base.newBuilder()
        .authenticator(new CachingAuthenticatorDecorator(authenticator, authCache))
        .addInterceptor(new AuthenticationCacheInterceptor(authCache))
        .build();
    return new OkHttpLoadClient(name, client, url, seen, () -> shutdown(base));
  }

  private static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /**
   * HttpClient 5 classic: a pooling connection manager sized for every thread, one credentials
   * provider, and one {@link HttpClientContext} per thread, reused for all of that thread's
   * requests. The context keeps the thread's digest state (nonce and count) between requests;
   * HttpClient's authors advise against sharing a context or a digest scheme between threads
   * (HTTPCLIENT-1855: the nonce count is not thread-safe), so per-thread contexts are the best
   * configuration its documentation allows.
   */
  static LoadClient httpClient5(String name, String url, String user, String password) {
    Counts seen = new Counts();
    URI uri = URI.create(url);
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(64)
            .setMaxConnPerRoute(64)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofSeconds(5))
                .setSocketTimeout(Timeout.ofSeconds(10))
                .build())
            .build();
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    if (user != null) {
      credentials.setCredentials(
          new AuthScope(uri.getHost(), uri.getPort()),
          new UsernamePasswordCredentials(user, password.toCharArray()));
    }
    CloseableHttpClient client = HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultCredentialsProvider(credentials)
        .setDefaultRequestConfig(
            RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
        .addResponseInterceptorLast((response, entity, context) -> seen.record(response.getCode()))
        .build();
    return new LoadClient() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Caller caller() {
        HttpClientContext context = HttpClientContext.create();
        return () -> client.execute(new HttpGet(url), context, response -> {
          EntityUtils.consume(response.getEntity());
          return response.getCode() == 200;
        });
      }

      @Override
      public Counts seen() {
        return seen;
      }

      @Override
      public void close() throws IOException {
        client.close();
      }
    };
  }

  /** Latchkey and okhttp-digest: both are OkHttp clients, called the same way. */
  private record OkHttpLoadClient(
      String name, OkHttpClient client, String url, Counts seen, Closer closer)
      implements LoadClient {
    @Override
    public Caller caller() {
      Request request = new Request.Builder().url(url).build();
      return () -> {
        try (Response response = client.newCall(request).execute()) {
          response.body().string();
          return response.code() == 200;
        }
      };
    }

    @Override
    public void close() throws IOException {
      closer.close();
    }
  }

  @FunctionalInterface
  private interface Closer {
    void close() throws IOException;
  }
}
