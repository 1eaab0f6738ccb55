package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * Cisco Catalyst Center (formerly DNA Center) Intent API. {@code POST
 * /dna/system/api/v1/auth/token} with HTTP Basic answers {@code {"Token": ..}}, valid one hour;
 * later calls send {@code X-Auth-Token}; an expired token is answered with 401. No logout call.
 * Source: https://developer.cisco.com/docs/catalyst-center/authentication.
 */
@TokenLogin(
    path = "dna/system/api/v1/auth/token",
    loginBody = LoginBody.NONE,
    loginBasic = true,
    tokenPointer = "/Token",
    header = "X-Auth-Token",
    hardLifetime = "PT1H")
public interface CatalystCenterApi {

  /** The network devices. */
  @GET("dna/intent/api/v1/network-device")
  Call<ResponseBody> networkDevices();
}
