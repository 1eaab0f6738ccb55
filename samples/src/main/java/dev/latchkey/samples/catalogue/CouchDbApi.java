package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * Apache CouchDB cookie authentication. {@code POST /_session} with {@code {"name":..,
 * "password":..}} sets the {@code AuthSession} cookie, valid ten minutes by default; later calls
 * send that cookie (CouchDB re-issues a fresher one on use, which the client does not adopt: it
 * logs in again before the ten minutes of its own cookie end); a call without a valid cookie is
 * answered with 401; {@code DELETE /_session} logs out. Source:
 * https://docs.couchdb.org/en/stable/api/server/authn.html (Cookie Authentication).
 */
@TokenLogin(
    path = "_session",
    usernameField = "/name",
    passwordField = "/password",
    tokenCookie = "AuthSession",
    hardLifetime = "PT10M",
    logoutPath = "_session")
public interface CouchDbApi {

  /** Information about one database. */
  @GET("{db}")
  Call<ResponseBody> database(@Path("db") String db);
}
