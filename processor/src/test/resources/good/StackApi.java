package com.example;

import dev.latchkey.annotations.CallAdapters;
import dev.latchkey.annotations.TokenLogin;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import kotlin.coroutines.Continuation;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.adapter.rxjava3.RxJava3CallAdapterFactory;
import retrofit2.http.GET;

@TokenLogin(tokenPointer = "/token")
@CallAdapters(factories = RxJava3CallAdapterFactory.class)
public interface StackApi {
  @GET("direct")
  ResponseBody direct();

  @GET("declared")
  ResponseBody declared() throws IOException;

  @GET("response")
  Response<ResponseBody> response();

  @GET("single")
  Single<ResponseBody> single();

  @GET("call")
  Call<ResponseBody> call();

  /** As kapt presents {@code suspend fun suspended(): ResponseBody}. */
  @GET("suspended")
  Object suspended(Continuation<? super ResponseBody> completion);
}
