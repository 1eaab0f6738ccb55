package dev.latchkey.bench.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.Route;

/**
 * The baseline: what most hand-written token clients do. An interceptor adds the last token; an
 * OkHttp {@link Authenticator} logs in again on every 401 and retries with the new token. Every
 * thread that meets an expired token logs in on its own; a refused login ends the call.
 */
final class NaiveTokenClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final String baseUrl;
  private final String user;
  private final String password;
  private final OkHttpClient plain;
  private final OkHttpClient client;
  private volatile String token;

  NaiveTokenClient(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.plain = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    this.client = plain
        .newBuilder()
        .addInterceptor(chain -> {
          String current = token;
          Request request = chain.request();
          return chain.proceed(
              current == null
                  ? request
                  : request.newBuilder().header("Authorization", current).build());
        })
        .authenticator(this::relogin)
        .build();
  }

  /** GET {@code path}; true for a 200. */
  boolean call(String path) throws IOException {
    try (Response response =
        client.newCall(new Request.Builder().url(baseUrl + path).build()).execute()) {
      response.body().string();
      return response.code() == 200;
    }
  }

  private Request relogin(Route route, Response challenged) throws IOException {
    String body =
        JSON.writeValueAsString(Map.of("auth", Map.of("username", user, "password", password)));
    Request login = new Request.Builder()
        .url(baseUrl + "auth")
        .post(RequestBody.create(body, JSON_TYPE))
        .build();
    try (Response answer = plain.newCall(login).execute()) {
      if (answer.code() != 200) {
        return null; // throttled or refused: give up, the caller sees the 401
      }
      JsonNode tree = JSON.readTree(answer.body().string());
      String fresh = tree.at("/response/token").asText(null);
      if (fresh == null) {
        return null;
      }
      token = fresh;
      return challenged.request().newBuilder().header("Authorization", fresh).build();
    }
  }

  @Override
  public void close() {
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
  }
}
