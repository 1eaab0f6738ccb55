package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * VMware vCenter Automation API. {@code POST /api/session} with HTTP Basic and no body answers
 * with the session id as a bare JSON string; later calls send it in {@code
 * vmware-api-session-id}; an expired session is answered with 401; {@code DELETE /api/session}
 * ends it. Source: https://developer.broadcom.com/xapis/vsphere-automation-api/latest/cis
 * (Cis Session).
 */
@TokenLogin(
    path = "api/session",
    loginBody = LoginBody.NONE,
    loginBasic = true,
    header = "vmware-api-session-id",
    logoutPath = "api/session")
public interface VCenterApi {

  /** The virtual machines the user can see. */
  @GET("api/vcenter/vm")
  Call<ResponseBody> vms();
}
