package com.example;

import dev.latchkey.annotations.DigestAuth;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/** Holds a nested interface: its client is LatchkeyOuter_Api. */
public final class Outer {
  private Outer() {}

  /** A nested API. */
  @DigestAuth
  public interface Api {
    @GET("ping")
    Call<ResponseBody> ping();
  }
}
