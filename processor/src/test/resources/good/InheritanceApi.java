package com.example;

import java.io.Closeable;
import java.util.List;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;
import dev.latchkey.annotations.DigestAuth;

/**
 * Inherits the same method twice (a diamond), overrides an inherited abstract method with a
 * default one, extends Closeable, and is package-private.
 */
@DigestAuth
interface InheritanceApi extends Left, Right, Closeable {
  @Override
  default Call<ResponseBody> overridden() {
    return shared("default");
  }
}

interface Base {
  @GET("shared")
  Call<ResponseBody> shared(@Query("q") String q);

  @GET("overridden")
  Call<ResponseBody> overridden();
}

interface Left extends Base {
  @GET("left")
  Call<List<ResponseBody>> left();
}

interface Right extends Base {}
