package com.example.bad;

import dev.latchkey.annotations.DigestAuth;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;

@DigestAuth
public interface GenericSuperInterface extends Middle {}

interface Middle extends Paged<String> {}

interface Paged<T> {
  @GET("items")
  Call<List<T>> items();
}
