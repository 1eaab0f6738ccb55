package com.example.bad;

import dev.latchkey.annotations.DigestAuth;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.DELETE;

@DigestAuth
public interface ClashingMethod {
  @DELETE("session")
  Call<ResponseBody> close();
}
