package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.TokenLogin;
import dev.latchkey.annotations.Xml;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * Palo Alto Networks PAN-OS XML API. {@code POST /api/} with form fields {@code type=keygen},
 * {@code user} and {@code password} answers {@code <response status="success"><result><key>..
 * </key></result></response>}; later calls send {@code X-PAN-KEY: <key>}. Keys do not expire by
 * default; a key that is no longer valid (a lifetime set by the admin, a changed password) is
 * answered with 403. Source:
 * https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-panorama-api/get-started-with-the-pan-os-xml-api/get-your-api-key.
 */
@Xml
@TokenLogin(
    path = "api/",
    loginBody = LoginBody.FORM,
    usernameField = "user",
    loginFields = "type=keygen",
    tokenPointer = "/result/key",
    header = "X-PAN-KEY",
    sessionGoneStatus = 403)
public interface PanOsApi {

  /** An operational command, e.g. {@code <show><system><info/></system></show>}. */
  @GET("api/?type=op")
  Call<ResponseBody> op(@Query("cmd") String command);
}
