package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.Csrf;
import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.TokenLogin;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * Proxmox VE API. {@code POST /api2/json/access/ticket} with form fields {@code username} (e.g.
 * {@code root@pam}) and {@code password} answers {@code {"data":{"ticket":..,
 * "CSRFPreventionToken":..}}}; later calls send the ticket as cookie {@code PVEAuthCookie}, and
 * every write (POST, PUT, DELETE) also the header {@code CSRFPreventionToken}. A ticket is valid
 * two hours; an invalid one is answered with 401. No logout call. Source:
 * https://pve.proxmox.com/wiki/Proxmox_VE_API (Authentication).
 */
@TokenLogin(
    path = "api2/json/access/ticket",
    loginBody = LoginBody.FORM,
    tokenPointer = "/data/ticket",
    cookie = "PVEAuthCookie",
    hardLifetime = "PT2H",
    csrf = @Csrf(pointer = "/data/CSRFPreventionToken", header = "CSRFPreventionToken"))
public interface ProxmoxApi {

  /** The cluster's nodes (a read: no CSRF token). */
  @GET("api2/json/nodes")
  Call<ResponseBody> nodes();

  /** Starts a virtual machine (a write: carries the CSRF token). */
  @POST("api2/json/nodes/{node}/qemu/{vmid}/status/start")
  Call<ResponseBody> start(@Path("node") String node, @Path("vmid") int vmid);
}
