package com.example;

import dev.latchkey.annotations.Environment;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.Session;
import dev.latchkey.annotations.StaticHeader;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/** MediaSilo style: two static headers, Basic or a session key. */
@HeaderAuth(
    headers = {
      @StaticHeader(name = "MediaSiloHostContext", setter = "hostContext"),
      @StaticHeader(name = "MediaSiloApiKey", setter = "apiKey", secret = true)
    },
    session =
        @Session(
            path = "session",
            bodyFields = "/accountName={hostContext}",
            keyHeader = "MediaSiloSessionKey",
            idleLifetime = "PT60M",
            endPath = "session/{key}"))
@Environment(name = "production", baseUrl = "https://api.mediasilo.com/v3/")
public interface MediaSiloApi {
  @GET("me")
  Call<ResponseBody> me();
}
