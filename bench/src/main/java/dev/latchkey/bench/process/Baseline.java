package dev.latchkey.bench.process;

import com.burgstaller.okhttp.AuthenticationCacheInterceptor;
import com.burgstaller.okhttp.CachingAuthenticatorDecorator;
import com.burgstaller.okhttp.digest.CachingAuthenticator;
import com.burgstaller.okhttp.digest.Credentials;
import com.burgstaller.okhttp.digest.DigestAuthenticator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Url;

/**
 * The clients a user would write instead of Latchkey, as a program like the samples' {@code call}:
 * {@code java ... Baseline CLIENT KIND BASE_URL PATH REPEAT CONCURRENCY}, credentials from the
 * environment ({@code BASELINE_USER}, {@code BASELINE_PASSWORD}). It makes REPEAT GETs of PATH on
 * CONCURRENCY threads and prints {@code baseline ok=K failed=F elapsed_ms=T}.
 *
 * <ul>
 *   <li>CLIENT {@code okhttp}: plain OkHttp; {@code retrofit}: Retrofit over the same OkHttp with a
 *       Jackson converter (XML for digest, as On-Demand's bodies are XML; JSON otherwise); {@code
 *       retrofit-bare}: Retrofit over the same OkHttp with no converter (raw bodies, the token
 *       login as plain OkHttp makes it), the floor of any Retrofit-based client such as Latchkey.
 *   <li>KIND {@code digest}: okhttp-digest as its README configures it; {@code token}: one login
 *       ({@code POST auth}, Xandr's JSON) and the token on every call; {@code header}: MediaSilo's
 *       Basic and account headers on every call.
 * </ul>
 * The connection pool holds CONCURRENCY connections, as the CLI's does.
 */
public final class Baseline {
  static final String HOST_CONTEXT = "myaccount";
  static final String API_KEY = "myappkey";
  private static final MediaType JSON = MediaType.get("application/json");

  private Baseline() {}

  /** What Retrofit calls: any resource, and Xandr's login. */
  interface Api {
    @GET
    retrofit2.Call<ResponseBody> get(@Url String path);

    @POST("auth")
    retrofit2.Call<JsonNode> login(@Body Map<String, Object> body);
  }

  /** One GET of the resource, returning its body. */
  @FunctionalInterface
  interface Get {
    String get(String path) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    String client = args[0];
    String kind = args[1];
    String baseUrl = args[2];
    String path = args[3];
    int repeat = Integer.parseInt(args[4]);
    int concurrency = Integer.parseInt(args[5]);
    String user = System.getenv("BASELINE_USER");
    String password = System.getenv("BASELINE_PASSWORD");
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(Math.max(5, concurrency), 5, TimeUnit.MINUTES));
    OkHttpClient okhttp = switch (kind) {
      case "digest" -> digest(builder, user, password);
      case "token" -> token(builder, client, baseUrl, user, password);
      case "header" -> header(builder, user, password);
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    };
    Get get = client.startsWith("retrofit")
        ? retrofit(okhttp, baseUrl, kind, client.equals("retrofit"))::call
        : plain(okhttp, baseUrl);
    long[] counts = calls(get, path, repeat, concurrency);
    System.out.println(
        "baseline ok=" + counts[0] + " failed=" + counts[1] + " elapsed_ms=" + counts[2]);
    okhttp.dispatcher().executorService().shutdown();
    okhttp.connectionPool().evictAll();
    System.exit(counts[1] == 0 ? 0 : 1);
  }

  private static OkHttpClient digest(OkHttpClient.Builder builder, String user, String password) {
    Map<String, CachingAuthenticator> cache = new ConcurrentHashMap<>();
    return builder
        .authenticator(new CachingAuthenticatorDecorator(
            new DigestAuthenticator(new Credentials(user, password)), cache))
        .addInterceptor(new AuthenticationCacheInterceptor(cache))
        .build();
  }

  private static OkHttpClient token(
      OkHttpClient.Builder builder, String client, String baseUrl, String user, String password)
      throws IOException {
    OkHttpClient plain = builder.build();
    Map<String, Object> login = Map.of("auth", Map.of("username", user, "password", password));
    String token;
    if (client.equals("retrofit")) {
      Api api = retrofit(plain, baseUrl, "token", true).api();
      token = api.login(login).execute().body().at("/response/token").asText();
    } else {
      ObjectMapper json = new ObjectMapper();
      Request request = new Request.Builder()
          .url(baseUrl + "auth")
          .post(RequestBody.create(json.writeValueAsBytes(login), JSON))
          .build();
      try (Response response = plain.newCall(request).execute()) {
        token =
            json.readTree(response.body().byteStream()).at("/response/token").asText();
      }
    }
    return plain
        .newBuilder()
        .addInterceptor(chain -> chain.proceed(
            chain.request().newBuilder().header("Authorization", token).build()))
        .build();
  }

  private static OkHttpClient header(OkHttpClient.Builder builder, String user, String password) {
    String basic = okhttp3.Credentials.basic(user, password);
    return builder
        .addInterceptor(chain -> chain.proceed(chain
            .request()
            .newBuilder()
            .header("Authorization", basic)
            .header("MediaSiloHostContext", HOST_CONTEXT)
            .header("MediaSiloApiKey", API_KEY)
            .build()))
        .build();
  }

  private static Get plain(OkHttpClient okhttp, String baseUrl) {
    return path -> {
      Request request = new Request.Builder().url(baseUrl + path).build();
      try (Response response = okhttp.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("HTTP " + response.code());
        }
        return response.body().string();
      }
    };
  }

  private record Through(Api api) {
    String call(String path) throws IOException {
      retrofit2.Response<ResponseBody> response = api.get(path).execute();
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      try (ResponseBody body = response.body()) {
        return body.string();
      }
    }
  }

  private static Through retrofit(
      OkHttpClient okhttp, String baseUrl, String kind, boolean jackson) {
    Retrofit.Builder retrofit = new Retrofit.Builder().baseUrl(baseUrl).client(okhttp);
    if (jackson) {
      ObjectMapper mapper = kind.equals("digest") ? new XmlMapper() : new ObjectMapper();
      retrofit.addConverterFactory(JacksonConverterFactory.create(mapper));
    }
    return new Through(retrofit.build().create(Api.class));
  }

  private static long[] calls(Get get, String path, int repeat, int concurrency)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    for (int i = 0; i < repeat; i++) {
      pool.execute(() -> {
        try {
          get.get(path);
          ok.incrementAndGet();
        } catch (IOException | RuntimeException e) {
          if (failed.incrementAndGet() == 1) {
            System.out.println("failed: " + e);
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      pool.shutdownNow();
    }
    return new long[] {ok.get(), failed.get(), (System.nanoTime() - start) / 1_000_000};
  }
}
