package dev.latchkey.samples.mediasilo;

import dev.latchkey.annotations.Environment;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.Session;
import dev.latchkey.annotations.StaticHeader;
import java.util.List;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Streaming;
import retrofit2.http.Url;

/**
 * MediaSilo API v3. Seed 002: "Each request must contain your MediaSilo account name header, an
 * API key header, and either the basic auth header or session header"; "the session will
 * automatically expire after 60 minutes of inactivity". The session is ended on close with
 * {@code DELETE /v3/session/{id}}.
 */
@HeaderAuth(
    headers = {
      @StaticHeader(name = "MediaSiloHostContext", setter = "hostContext"),
      @StaticHeader(name = "MediaSiloApiKey", setter = "apiKey", secret = true)
    },
    session =
        @Session(
            path = "session",
            usernameField = "/userName",
            passwordField = "/password",
            bodyFields = "/accountName={hostContext}",
            keyPointer = "/id",
            keyHeader = "MediaSiloSessionKey",
            idleLifetime = "PT60M",
            endPath = "session/{key}"))
@Environment(name = "production", baseUrl = "https://api.mediasilo.com/v3/")
public interface MediaSiloApi {

  /** The user behind the credentials. */
  @GET("me")
  Call<Me> me();

  /** The projects the user can see. */
  @GET("projects")
  Call<List<Project>> projects();

  /** Any path relative to the base URL, as raw body (the CLI's {@code call}). */
  // @Streaming: the CLI reads the body at once, so Retrofit need not copy it into a second
  // buffer first (issue 17, the short-lived process).
  @GET
  @Streaming
  Call<ResponseBody> get(@Url String path);
}
