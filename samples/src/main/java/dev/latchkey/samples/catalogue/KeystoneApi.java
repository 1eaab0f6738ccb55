package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * OpenStack Identity (Keystone) v3. {@code POST /v3/auth/tokens} with {@code
 * {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":..,"domain":{"id":"default"},"password":..}}}}}}
 * answers 201 with the token in the {@code X-Subject-Token} header (the body, with a service
 * catalog unless {@code nocatalog}, can exceed 16 KiB); later calls send {@code X-Auth-Token}; an
 * expired token is answered with 401. Revocation ({@code DELETE /v3/auth/tokens}) also needs the
 * token in {@code X-Subject-Token}, which a logout call does not send, so none is declared: the
 * token expires by itself (one hour by default). Source:
 * https://docs.openstack.org/api-ref/identity/v3/ (Authentication and token management).
 */
@TokenLogin(
    path = "v3/auth/tokens?nocatalog",
    usernameField = "/auth/identity/password/user/name",
    passwordField = "/auth/identity/password/user/password",
    loginFields = {
      "/auth/identity/methods:=[\"password\"]",
      "/auth/identity/password/user/domain/id=default"
    },
    tokenHeader = "X-Subject-Token",
    header = "X-Auth-Token")
public interface KeystoneApi {

  /** The projects of the user. */
  @GET("v3/auth/projects")
  Call<ResponseBody> projects();
}
