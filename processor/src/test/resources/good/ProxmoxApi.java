package com.example;

import dev.latchkey.annotations.Csrf;
import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

@TokenLogin(
    path = "api2/json/access/ticket",
    loginBody = LoginBody.FORM,
    tokenPointer = "/data/ticket",
    cookie = "PVEAuthCookie",
    hardLifetime = "PT2H",
    csrf = @Csrf(pointer = "/data/CSRFPreventionToken", header = "CSRFPreventionToken"))
public interface ProxmoxApi {
  @GET("api2/json/version")
  Call<ResponseBody> version();
}
