package com.example;

import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.StaticHeader;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

@HeaderAuth(
    basic = false,
    headers = {
      @StaticHeader(
          name = "Authorization",
          setter = "bearerToken",
          format = "Bearer {value}",
          secret = true),
      @StaticHeader(name = "Accept", value = "application/json")
    })
public interface KubernetesApi {
  @GET("api/v1/namespaces")
  Call<ResponseBody> namespaces();
}
