package dev.latchkey.samples.stack;

import com.google.common.util.concurrent.ListenableFuture;
import dev.latchkey.annotations.CallAdapters;
import dev.latchkey.annotations.DigestAuth;
import retrofit2.Call;
import retrofit2.adapter.guava.GuavaCallAdapterFactory;
import retrofit2.http.GET;

/** A digest API whose user reads text with the scalars converter and JSON with Moshi. */
@DigestAuth
@CallAdapters(factories = GuavaCallAdapterFactory.class)
interface DigestStackApi {
  @GET("greeting")
  ListenableFuture<String> greeting();

  @GET("thing")
  Call<Thing> thing();

  /** A Moshi model (reflective: public fields). */
  final class Thing {
    public String name;
    public int count;
  }
}
