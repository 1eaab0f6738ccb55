package dev.latchkey.kotlintest

import dev.latchkey.runtime.AuthenticationFailedException
import dev.latchkey.runtime.UserPassword
import dev.latchkey.samples.sim.SimClock
import dev.latchkey.samples.xandr.XandrSimulator
import dev.latchkey.samples.xandr.XandrSimulatorConfig
import java.time.Duration
import java.time.Instant
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

/**
 * Issue 15: a Kotlin interface with suspend functions, compiled through kapt with the processor,
 * called from coroutines against the Xandr simulator: token login, re-login and replay, and the
 * typed failure of a wrong password, all from suspended calls.
 */
class SuspendClientTest {
    private val serverIdle = Duration.ofMinutes(30)
    private val clock = SimClock(Instant.parse("2026-12-02T01:00:00Z"))
    private lateinit var sim: XandrSimulator

    @BeforeEach
    fun start() {
        sim = XandrSimulator.start(
            XandrSimulatorConfig.defaults().withLifetimes(serverIdle, Duration.ofHours(24)), clock)
    }

    @AfterEach
    fun stop() {
        sim.close()
    }

    private fun client(password: String): LatchkeyXandrKtApi =
        LatchkeyXandrKtApi.builder()
            .baseUrl(sim.url().toString())
            .credentials { UserPassword(XandrSimulatorConfig.DEFAULT_USER, password) }
            .clock(clock)
            .build()

    @Test
    fun loginReloginAndReplayFromSuspendedCalls() {
        client(XandrSimulatorConfig.DEFAULT_PASSWORD).use { api ->
            runBlocking {
                assertEquals(XandrSimulatorConfig.DEFAULT_USER, api.currentUser().response.user.username)
                // Eight coroutines at once: they wait for the one login in flight.
                val answers = (1..8).map { async { api.members().code() } }.awaitAll()
                assertEquals(List(8) { 200 }, answers)
                assertEquals(1L, sim.logins())

                clock.advance(serverIdle.plusMinutes(1))
                assertEquals("OK", api.currentUser().response.status)
                assertEquals(2L, sim.logins(), "the server forgot the token: one new login")
                assertEquals(1L, sim.rejected(), "and the rejected call was replayed")
            }
        }
    }

    @Test
    fun aWrongPasswordThrowsTheTypedExceptionIntoTheCoroutine() {
        client("Wrong-Pass-1!").use { api ->
            val e = assertThrows(AuthenticationFailedException::class.java) {
                runBlocking { api.currentUser() }
            }
            assertTrue(!e.message!!.contains("Wrong-Pass-1!"), e.message)
        }
    }
}
