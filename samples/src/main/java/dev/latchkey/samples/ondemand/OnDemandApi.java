package dev.latchkey.samples.ondemand;

import dev.latchkey.annotations.DigestAuth;
import dev.latchkey.annotations.Environment;
import dev.latchkey.annotations.PinCertificates;
import dev.latchkey.annotations.Xml;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Streaming;
import retrofit2.http.Url;

/**
 * The Mediagenix On-Demand API (seed 000): RFC 2617 digest with a robot user, a nonce reusable for
 * five minutes, XML bodies, three environments. The seed leaves the environments' hosts out, so
 * their base URLs come from configuration ({@code -Dondemand.production.url=...} or the
 * environment variable {@code ONDEMAND_PRODUCTION_URL}); nothing here invents a host.
 *
 * <p>The seed requires the chain to be signed by Sectigo, not other roots, while leaves rotate: the
 * pins are the issuing CA and Sectigo's roots (apis.md), never the leaf. The pattern is the
 * vendor's domain; if a deployment's host lies elsewhere, pin it at run time with the system
 * property {@code latchkey.pins.<host>} (or {@code LATCHKEY_PINS}), or the builder's {@code pins}.
 * Print a server's pins with {@code latchkey-samples.jar pins https://HOST/}.
 */
@DigestAuth(nonceLifetime = "PT5M")
@Xml
@Environment(name = "production", baseUrlProperty = "ondemand.production.url")
@Environment(name = "staging", baseUrlProperty = "ondemand.staging.url")
@Environment(name = "preproduction", baseUrlProperty = "ondemand.preproduction.url")
@PinCertificates(
    host = "**.mediagenix.tv",
    pins = {
      "sha256/4a6cPehI7OG6cuDZka5NDZ7FR8a60d3auda+sKfg4Ng=", // Sectigo RSA Domain Validation Secure
      // Server CA
      "sha256/x4QzPSC810K5/cMjb05Qm4k3Bw5zBn4lTdO/nEW/Td4=", // USERTrust RSA Certification
      // Authority
      "sha256/Douxi77vs4G+Ib/BogbTFymEYq0QSFXwSgVCaZcI09Q=" // Sectigo Public Server Authentication
      // Root R46
    })
public interface OnDemandApi {

  /** The API root with its links. */
  @GET(".")
  Call<ApiRoot> root();

  /** The product list. */
  @GET("products")
  Call<Products> products();

  /** Any resource, by a path relative to the base URL (the CLI's {@code call}). */
  // @Streaming: the CLI reads the body at once, so Retrofit need not copy it into a second
  // buffer first (issue 17, the short-lived process).
  @GET
  @Streaming
  Call<ResponseBody> get(@Url String path);
}
