package dev.latchkey.bench.micro;

import com.burgstaller.okhttp.AuthenticationCacheInterceptor;
import com.burgstaller.okhttp.CachingAuthenticatorDecorator;
import com.burgstaller.okhttp.digest.CachingAuthenticator;
import com.burgstaller.okhttp.digest.Credentials;
import com.burgstaller.okhttp.digest.DigestAuthenticator;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestScheme;
import dev.latchkey.runtime.header.HeaderAuthMode;
import dev.latchkey.runtime.header.HeaderScheme;
import dev.latchkey.runtime.token.TokenScheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/**
 * The ways a request is sent in the per-request benchmarks: bare OkHttp, through each of
 * Latchkey's auth schemes configured as the samples configure them (the digest of On-Demand,
 * Xandr's token login, MediaSilo's headers in Basic mode, which needs no session server), and
 * through okhttp-digest's cache interceptor, the digest anchor that also runs in an OkHttp chain.
 */
final class AuthVariants {
  static final String BARE = "bare";
  static final String DIGEST = "digest";
  static final String TOKEN = "token";
  static final String HEADER = "header";
  /** okhttp-digest's cache interceptor with a warm cache: the anchor of {@link #DIGEST}. */
  static final String OKHTTP_DIGEST = "okhttp-digest";

  private static final MediaType JSON = MediaType.get("application/json");

  private AuthVariants() {}

  /** An OkHttp client for {@code variant} on {@code baseUrl}, and what closes it. */
  record Built(OkHttpClient client, String path, AutoCloseable resources) {
    /** The interceptors a call runs through before the network, in OkHttp's order. */
    List<Interceptor> interceptors() {
      List<Interceptor> all = new ArrayList<>(client.interceptors());
      all.addAll(client.networkInterceptors());
      return all;
    }
  }

  static Built build(String variant, String baseUrl) {
    OkHttpClient base =
        new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    if (variant.equals(BARE)) {
      return new Built(base, "plain", () -> shutdown(base));
    }
    if (variant.equals(OKHTTP_DIGEST)) {
      Map<String, CachingAuthenticator> cache = new ConcurrentHashMap<>();
      OkHttpClient client = base.newBuilder()
          .authenticator(new CachingAuthenticatorDecorator(
              new DigestAuthenticator(new Credentials("robot", "bench-password")), cache))
          .addInterceptor(new AuthenticationCacheInterceptor(cache))
          .build();
      return new Built(client, "digest/products", () -> shutdown(base));
    }
    LatchkeyClient client = LatchkeyClient.builder("Bench")
        .baseUrl(baseUrl)
        .okHttpClient(base)
        .auth(scheme(variant))
        .build();
    String path = switch (variant) {
      case DIGEST -> "digest/products";
      case TOKEN -> "member";
      default -> "v3/me";
    };
    return new Built(client.okHttpClient(), path, () -> {
      client.close();
      shutdown(base);
    });
  }

  private static AuthScheme scheme(String variant) {
    UserPassword robot = new UserPassword("robot", "bench-password");
    return switch (variant) {
      case DIGEST ->
        DigestScheme.builder()
            .credentials(() -> robot)
            .nonceLifetime(Duration.ofHours(1))
            .build();
      case TOKEN ->
        TokenScheme.builder()
            .loginPath("auth")
            .usernameField("/auth/username")
            .passwordField("/auth/password")
            .tokenPointer("/response/token")
            .header("Authorization", "{token}")
            .idleLifetime(Duration.ofHours(2))
            .hardLifetime(Duration.ofHours(24))
            .sessionGoneStatus(401)
            .errorPointer("/response/error_id")
            .sessionGoneErrors("NOAUTH")
            .badCredentialErrors("NOAUTH")
            .terminalErrors("NOAUTH_DISABLED", "NOAUTH_EXPIRED")
            .forbiddenErrors("UNAUTH")
            .loginLimit(10, Duration.ofMinutes(5))
            .credentials(() -> robot)
            .build();
      case HEADER ->
        HeaderScheme.builder()
            .header("MediaSiloHostContext", "hostContext", false, "bench-account")
            .header("MediaSiloApiKey", "apiKey", true, "bench-api-key")
            .mode(HeaderAuthMode.BASIC)
            .credentials(() -> robot)
            .build();
      default -> throw new IllegalArgumentException(variant);
    };
  }

  /**
   * The fake network of {@link FakeChain}: what {@link LocalServer} would answer (a challenge to
   * an unsigned digest request, else a small JSON 200), without a socket.
   */
  static Response answer(Request request) {
    Response.Builder response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1);
    if (request.url().encodedPath().startsWith("/digest")
        && request.header("Authorization") == null) {
      return response
          .code(401)
          .message("Unauthorized")
          .header("WWW-Authenticate", LocalServer.CHALLENGE)
          .body(new FixedBody(new byte[0]))
          .build();
    }
    return response.code(200).message("OK").body(new FixedBody(LocalServer.OK)).build();
  }

  /**
   * A body that makes its buffer only when read, as a socket's body does. {@code
   * ResponseBody.create(bytes)} fills an okio {@code Buffer} at once, and closing a {@code Buffer}
   * does not return its 8 KiB segment to okio's pool: every fake answer allocated 8 KiB, and the
   * garbage collector's share of that dwarfed and blurred the interceptors being measured. A
   * buffered source over a stream returns its segment to the pool when closed.
   */
  private static final class FixedBody extends ResponseBody {
    private final byte[] bytes;
    private BufferedSource source;

    FixedBody(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public BufferedSource source() {
      if (source == null) { // one source per body, as OkHttp's: closing it recycles its segment
        source = Okio.buffer(Okio.source(new ByteArrayInputStream(bytes)));
      }
      return source;
    }
  }

  /** One call through the real client; the body is read and closed. */
  static int call(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      response.body().bytes();
      return response.code();
    }
  }

  private static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
