package dev.latchkey.samples.stack;

import com.google.common.util.concurrent.ListenableFuture;
import com.jakewharton.retrofit2.adapter.reactor.ReactorCallAdapterFactory;
import dev.latchkey.annotations.CallAdapters;
import dev.latchkey.annotations.TokenLogin;
import io.reactivex.rxjava3.core.Single;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import retrofit2.adapter.rxjava3.RxJava3CallAdapterFactory;
import retrofit2.http.GET;

/**
 * The Xandr API as a user with their own stack writes it (issue 15): RxJava, Reactor and Guava
 * return types beside Latchkey's own. RxJava 3 and Reactor adapters are installed by the generated
 * builder; the Guava one is passed to {@code addCallAdapterFactory} by the test.
 */
@TokenLogin(
    tokenPointer = "/response/token",
    idleLifetime = "PT2H",
    hardLifetime = "PT24H",
    errorPointer = "/response/error_id",
    sessionGoneErrors = "NOAUTH",
    badCredentialErrors = "NOAUTH",
    loginLimit = "10/PT5M",
    throttleCodePointer = "/response/error_code",
    throttleCodes = "RATE_EXCEEDED")
@CallAdapters(
    factories = {RxJava3CallAdapterFactory.class, ReactorCallAdapterFactory.class},
    wrappers = ListenableFuture.class)
interface StackXandrApi {
  @GET("user?current")
  Single<UserAnswer> userSingle();

  @GET("user?current")
  CompletableFuture<UserAnswer> userFuture();

  @GET("member")
  ListenableFuture<MemberAnswer> membersGuava();

  @GET("member")
  Mono<MemberAnswer> membersMono();

  @GET("user?current")
  TimedUserAnswer user();

  /** {@code {"response":{"status":"OK","user":{"id":..,"username":..}}}}; Gson or Jackson. */
  record UserAnswer(Body response) {
    record Body(String status, User user) {}

    record User(long id, String username) {}
  }

  /** {@code {"response":{"members":[{"id":"1","name":..}]}}}. */
  record MemberAnswer(Body response) {
    record Body(String status, java.util.List<Member> members) {}

    record Member(String id, String name) {}
  }

  /** The user with the time of its login: an {@code Instant}, read by the default mapper. */
  record TimedUserAnswer(Body response) {
    record Body(User user) {}

    record User(
        String username,

        @com.fasterxml.jackson.annotation.JsonProperty("last_login_on")
        java.time.Instant lastLogin) {}
  }
}
