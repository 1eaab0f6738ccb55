package dev.latchkey.samples.ondemand;

import dev.latchkey.annotations.DigestAuth;
import dev.latchkey.annotations.Environment;
import dev.latchkey.annotations.Xml;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Url;

/**
 * The Mediagenix On-Demand API (seed 000): RFC 2617 digest with a robot user, a nonce reusable for
 * five minutes, XML bodies, three environments. The seed leaves the environments' hosts out, so
 * their base URLs come from configuration ({@code -Dondemand.production.url=...} or the
 * environment variable {@code ONDEMAND_PRODUCTION_URL}); nothing here invents a host.
 */
@DigestAuth(nonceLifetime = "PT5M")
@Xml
@Environment(name = "production", baseUrlProperty = "ondemand.production.url")
@Environment(name = "staging", baseUrlProperty = "ondemand.staging.url")
@Environment(name = "preproduction", baseUrlProperty = "ondemand.preproduction.url")
public interface OnDemandApi {

  /** The API root with its links. */
  @GET(".")
  Call<ApiRoot> root();

  /** The product list. */
  @GET("products")
  Call<Products> products();

  /** Any resource, by a path relative to the base URL (the CLI's {@code call}). */
  @GET
  Call<ResponseBody> get(@Url String path);
}
