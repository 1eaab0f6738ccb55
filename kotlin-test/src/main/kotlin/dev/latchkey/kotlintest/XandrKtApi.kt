package dev.latchkey.kotlintest

import com.fasterxml.jackson.annotation.JsonProperty
import com.fasterxml.jackson.databind.JsonNode
import dev.latchkey.annotations.TokenLogin
import retrofit2.Call
import retrofit2.Response
import retrofit2.http.GET

/**
 * The Xandr API as a Kotlin user writes it: suspend functions, compiled through kapt with the
 * Latchkey processor, which generates the Java client LatchkeyXandrKtApi.
 */
@TokenLogin(
    tokenPointer = "/response/token",
    idleLifetime = "PT2H",
    hardLifetime = "PT24H",
    errorPointer = "/response/error_id",
    sessionGoneErrors = ["NOAUTH"],
    badCredentialErrors = ["NOAUTH"],
    loginLimit = "10/PT5M",
    throttleCodePointer = "/response/error_code",
    throttleCodes = ["RATE_EXCEEDED"])
interface XandrKtApi {
    @GET("user?current")
    suspend fun currentUser(): UserAnswer

    @GET("member")
    suspend fun members(): Response<JsonNode>

    @GET("member")
    fun membersCall(): Call<JsonNode>
}

data class UserAnswer(@JsonProperty("response") val response: UserBody)

data class UserBody(@JsonProperty("status") val status: String, @JsonProperty("user") val user: User)

data class User(@JsonProperty("id") val id: Long, @JsonProperty("username") val username: String)
