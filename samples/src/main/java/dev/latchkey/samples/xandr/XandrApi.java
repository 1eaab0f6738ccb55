package dev.latchkey.samples.xandr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.annotations.Environment;
import dev.latchkey.annotations.JwtLogin;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Streaming;
import retrofit2.http.Url;

/**
 * The Xandr Digital Platform and Impression Bus APIs (seeds 001 and 003), as far as the samples
 * use them. Login is {@code POST auth} with {@code {"auth":{"username","password"}}}; the token goes
 * in {@code Authorization: TOKEN} (no scheme word). Errors come as {@code
 * {"response":{"error_id":..,"error_code":..}}}: {@code NOAUTH} on a call means the session is gone
 * (HTTP 401 since 2016, 200 before), on the login itself a wrong password; {@code UNAUTH} is a
 * permission error. At most 10 successful logins per 5 minutes.
 */
@TokenLogin(
    tokenPointer = "/response/token",
    header = "Authorization",
    headerFormat = "{token}",
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
@Environment(name = "digital-platform", baseUrl = "https://api.appnexus.com/")
@Environment(name = "impression-bus", baseUrl = "https://api.adnxs.com/")
public interface XandrApi {

  /** The member the user belongs to (Member Service). */
  @GET("member")
  Call<JsonNode> member();

  /** The logged-in user (User Service, {@code GET /user?current}). */
  @GET("user?current")
  Call<JsonNode> currentUser();

  /** Any path relative to the base URL, for the samples CLI's {@code call} command. */
  // @Streaming: the CLI reads the body at once, so Retrofit need not copy it into a second
  // buffer first (issue 17, the short-lived process).
  @GET
  @Streaming
  Call<ResponseBody> get(@Url String path);
}
