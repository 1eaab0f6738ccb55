package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * Splunk Enterprise REST API (management port 8089). {@code POST /services/auth/login} takes the
 * user name and password as a form; with {@code output_mode=json} the answer is {@code
 * {"sessionKey": ..}}. Later calls send {@code Authorization: Splunk <key>}; a key unused for the
 * session timeout (one hour by default) is answered with 401 "call not properly authenticated".
 * No logout call. Source: https://docs.splunk.com/Documentation/Splunk/latest/RESTREF/RESTaccess
 * (auth/login).
 */
@TokenLogin(
    path = "services/auth/login",
    loginBody = LoginBody.FORM,
    loginFields = "output_mode=json",
    tokenPointer = "/sessionKey",
    headerFormat = "Splunk {token}",
    idleLifetime = "PT1H")
public interface SplunkApi {

  /** The server's version and settings. */
  @GET("services/server/info?output_mode=json")
  Call<ResponseBody> serverInfo();
}
