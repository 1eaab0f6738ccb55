package com.example;

import dev.latchkey.annotations.JwtLogin;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/** Xandr style: token login, the token sent in a cookie, sliding and hard lifetimes. */
@TokenLogin(
    path = "auth",
    tokenPointer = "/response/token",
    cookie = "IBAPI_SESSID",
    idleLifetime = "PT2H",
    hardLifetime = "PT24H",
    errorPointer = "/response/error_id",
    sessionGoneErrors = "NOAUTH",
    badCredentialErrors = "NOAUTH",
    terminalErrors = {"NOAUTH_DISABLED", "NOAUTH_EXPIRED"},
    forbiddenErrors = "UNAUTH",
    loginLimit = "10/PT5M",
    throttleCodePointer = "/response/error_code",
    throttleCodes = "RATE_EXCEEDED",
    jwt = @JwtLogin(path = "v2/auth/jwt"))
public interface XandrApi {
  @GET("user")
  Call<ResponseBody> currentUser();
}
