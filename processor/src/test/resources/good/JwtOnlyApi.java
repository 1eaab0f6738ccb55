package com.example;

import dev.latchkey.annotations.JwtLogin;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/** Token in the default Authorization header with a scheme word; JWT login only. */
@TokenLogin(
    path = "",
    tokenPointer = "/token",
    headerFormat = "Bearer {token}",
    jwt = @JwtLogin(path = "v2/auth/jwt"))
public interface JwtOnlyApi {
  @GET("user")
  Call<ResponseBody> user();
}
