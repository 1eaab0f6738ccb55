package com.example;

import dev.latchkey.annotations.DigestAlgorithm;
import dev.latchkey.annotations.DigestAuth;
import dev.latchkey.annotations.Environment;
import dev.latchkey.annotations.PinCertificates;
import dev.latchkey.annotations.Xml;
import java.util.List;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** Mediagenix On-Demand style: digest, XML bodies, three environments. */
@DigestAuth(
    nonceLifetime = "PT5M",
    algorithms = {DigestAlgorithm.SHA_256, DigestAlgorithm.MD5},
    realm = "ondemand")
@Xml
@Environment(name = "production", baseUrlProperty = "ondemand.production.url")
@Environment(name = "staging", baseUrlProperty = "ondemand.staging.url")
@Environment(name = "local", baseUrl = "http://127.0.0.1:8080/api/")
// Sectigo: the issuing DV CA and its roots, never the leaf (apis.md, TLS).
@PinCertificates(
    host = "**.ondemand.example.com",
    pins = {
      "sha256/4a6cPehI7OG6cuDZka5NDZ7FR8a60d3auda+sKfg4Ng=",
      "sha256/x4QzPSC810K5/cMjb05Qm4k3Bw5zBn4lTdO/nEW/Td4=",
      "sha256/Douxi77vs4G+Ib/BogbTFymEYq0QSFXwSgVCaZcI09Q="
    })
public interface OnDemandApi extends Paged {
  @GET("products/{id}")
  Call<ResponseBody> product(@Path("id") String id);

  @GET("products")
  Call<List<String>> products(@Query("q") String... terms);

  /** Not delegated: the interface implements it. */
  default Call<ResponseBody> first() {
    return product("1");
  }

  /** Not delegated: static. */
  static String describe() {
    return "On-Demand";
  }
}

/** A super-interface: its methods are delegated too. */
interface Paged {
  @GET("items")
  Call<List<String>> page(@Query("page") int page);
}
