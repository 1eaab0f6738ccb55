package com.example;

import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.StaticHeader;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/** Newer MediaSilo keys: an x-key / x-secret pair and HTTP Basic, no session. */
@HeaderAuth(
    headers = {
      @StaticHeader(name = "x-key", setter = "key"),
      @StaticHeader(name = "x-secret", setter = "secret", secret = true)
    })
public interface BasicOnlyApi {
  @GET("me")
  Call<ResponseBody> me();
}
