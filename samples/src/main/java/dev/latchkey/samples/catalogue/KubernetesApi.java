package dev.latchkey.samples.catalogue;

import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.StaticHeader;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * Kubernetes API server with a service-account bearer token: {@code Authorization: Bearer
 * <token>} and no login. A projected token (one hour by default) is rotated on disk by the kubelet
 * before it expires, so give the builder {@code bearerToken(() -> Files.readString(path))}: the
 * supplier is asked on every request. Source:
 * https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/.
 */
@HeaderAuth(
    basic = false,
    headers =
        @StaticHeader(
            name = "Authorization",
            setter = "bearerToken",
            format = "Bearer {value}",
            secret = true))
public interface KubernetesApi {

  /** The pods of a namespace. */
  @GET("api/v1/namespaces/{namespace}/pods")
  Call<ResponseBody> pods(@Path("namespace") String namespace);
}
