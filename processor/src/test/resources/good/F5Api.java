package com.example;

import dev.latchkey.annotations.Environment;
import dev.latchkey.annotations.StaticHeader;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

@TokenLogin(
    path = "mgmt/shared/authn/login",
    usernameField = "/username",
    passwordField = "/password",
    loginFields = "/loginProviderName=tmos",
    tokenPointer = "/token/token",
    header = "X-F5-Auth-Token",
    expiresInPointer = "/token/timeout",
    logoutPath = "mgmt/shared/authz/tokens/{token}",
    headers = @StaticHeader(name = "Accept", value = "application/json"))
@Environment(name = "lab", baseUrl = "https://bigip.example/")
public interface F5Api {
  @GET("mgmt/tm/sys/version")
  Call<ResponseBody> version();
}
