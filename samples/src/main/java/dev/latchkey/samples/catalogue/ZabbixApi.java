package dev.latchkey.samples.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

/**
 * Zabbix JSON-RPC API (6.4 and later). Login is the {@code user.login} method: {@code
 * {"jsonrpc":"2.0","method":"user.login","params":{"username":..,"password":..},"id":1}}, the
 * token in {@code /result}; later calls send {@code Authorization: Bearer <token>}. Errors come
 * with HTTP 200 in {@code /error/data}: "Session terminated, re-login, please." when the session
 * is gone, "Incorrect user name or password or account is temporarily blocked." for a wrong
 * password. The docs ask clients to call {@code user.logout}. Source:
 * https://www.zabbix.com/documentation/6.4/en/manual/api/reference/user/login.
 */
@TokenLogin(
    path = "api_jsonrpc.php",
    usernameField = "/params/username",
    passwordField = "/params/password",
    loginFields = {"/jsonrpc=2.0", "/method=user.login", "/id:=1"},
    tokenPointer = "/result",
    headerFormat = "Bearer {token}",
    errorPointer = "/error/data",
    sessionGoneErrors = "Session terminated, re-login, please.",
    badCredentialErrors = "Incorrect user name or password or account is temporarily blocked.",
    logoutPath = "api_jsonrpc.php",
    logoutMethod = "POST",
    logoutFields = {"/jsonrpc=2.0", "/method=user.logout", "/params:=[]", "/id:=1"})
public interface ZabbixApi {

  /** One JSON-RPC call, e.g. {@code {"jsonrpc":"2.0","method":"host.get","params":{},"id":2}}. */
  @POST("api_jsonrpc.php")
  Call<ResponseBody> call(@Body JsonNode request);
}
