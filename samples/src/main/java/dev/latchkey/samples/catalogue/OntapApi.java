package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.HeaderAuth;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * NetApp ONTAP REST API: HTTP Basic on every request, nothing else (no static header). Source:
 * https://docs.netapp.com/us-en/ontap-automation/get-started/first_call.html.
 */
@HeaderAuth
public interface OntapApi {

  /** The cluster's version. */
  @GET("api/cluster?fields=version")
  Call<ResponseBody> cluster();
}
