package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * F5 BIG-IP iControl REST. {@code POST /mgmt/shared/authn/login} with {@code {"username":..,
 * "password":..,"loginProviderName":"tmos"}} answers {@code {"token":{"token":..,"timeout":1200}}};
 * later calls send {@code X-F5-Auth-Token}. The token dies {@code timeout} seconds after issue
 * (then 401), and a user may hold at most 100 live tokens, so the client deletes its own with
 * {@code DELETE /mgmt/shared/authz/tokens/<token>} on close. Source:
 * https://community.f5.com/t5/technical-articles/icontrol-rest-authentication-token-management/ta-p/287462.
 */
@TokenLogin(
    path = "mgmt/shared/authn/login",
    usernameField = "/username",
    passwordField = "/password",
    loginFields = "/loginProviderName=tmos",
    tokenPointer = "/token/token",
    header = "X-F5-Auth-Token",
    expiresInPointer = "/token/timeout",
    logoutPath = "mgmt/shared/authz/tokens/{token}")
public interface BigIpApi {

  /** The system's version. */
  @GET("mgmt/tm/sys/version")
  Call<ResponseBody> version();
}
