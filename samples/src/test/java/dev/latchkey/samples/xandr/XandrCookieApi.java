package dev.latchkey.samples.xandr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.annotations.TokenLogin;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * {@link XandrApi} with the token in the {@code IBAPI_SESSID} cookie instead of the header, as the
 * Xandr docs recommend: the same login, answers and errors.
 */
@TokenLogin(
    tokenPointer = "/response/token",
    cookie = "IBAPI_SESSID",
    header = "",
    idleLifetime = "PT2H",
    hardLifetime = "PT24H",
    errorPointer = "/response/error_id",
    sessionGoneErrors = "NOAUTH",
    badCredentialErrors = "NOAUTH",
    terminalErrors = {"NOAUTH_DISABLED", "NOAUTH_EXPIRED"},
    forbiddenErrors = "UNAUTH",
    loginLimit = "10/PT5M",
    throttleCodePointer = "/response/error_code",
    throttleCodes = "RATE_EXCEEDED")
interface XandrCookieApi {
  @GET("member")
  Call<JsonNode> member();

  @GET("user?current")
  Call<JsonNode> currentUser();
}
