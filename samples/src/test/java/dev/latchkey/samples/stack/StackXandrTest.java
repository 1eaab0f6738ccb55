package dev.latchkey.samples.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.sim.SimClock;
import dev.latchkey.samples.xandr.XandrSimulator;
import dev.latchkey.samples.xandr.XandrSimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.adapter.guava.GuavaCallAdapterFactory;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Issue 15, "done when": a user's interface with Gson models, RxJava {@code Single}, Reactor
 * {@code Mono}, Guava {@code ListenableFuture}, {@code CompletableFuture} and an {@code Instant}
 * field works through a generated client against the Xandr simulator, token login, re-login and
 * replay included.
 */
class StackXandrTest {
  /** The server forgets an idle token after 30 minutes; the client believes 2 hours. */
  private static final Duration SERVER_IDLE = Duration.ofMinutes(30);

  private final SimClock clock = new SimClock(Instant.parse("2026-12-02T01:00:00Z"));
  private XandrSimulator sim;

  @BeforeEach
  void start() throws Exception {
    sim = XandrSimulator.start(
        XandrSimulatorConfig.defaults().withLifetimes(SERVER_IDLE, Duration.ofHours(24)), clock);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private LatchkeyStackXandrApi.Builder builder(String password) {
    return LatchkeyStackXandrApi.builder()
        .baseUrl(sim.url().toString())
        .credentials(() -> new UserPassword(XandrSimulatorConfig.DEFAULT_USER, password))
        .clock(clock);
  }

  @Test
  void gsonModelsThroughEveryWrapperWithLoginReloginAndReplay() throws Exception {
    try (LatchkeyStackXandrApi api = builder(XandrSimulatorConfig.DEFAULT_PASSWORD)
        .addConverterFactory(GsonConverterFactory.create())
        .addCallAdapterFactory(GuavaCallAdapterFactory.create())
        .build()) {
      StackXandrApi.UserAnswer rx = api.userSingle().blockingGet();
      assertEquals(XandrSimulatorConfig.DEFAULT_USER, rx.response().user().username());
      assertEquals(1, sim.logins());

      assertEquals("OK", api.userFuture().get(30, TimeUnit.SECONDS).response().status());
      assertEquals(
          "1",
          api.membersGuava()
              .get(30, TimeUnit.SECONDS)
              .response()
              .members()
              .get(0)
              .id());
      assertEquals(
          1,
          api.membersMono().block(Duration.ofSeconds(30)).response().members().size());
      assertEquals(1, sim.logins(), "one login serves every wrapper");

      // The server forgot the token: the Single's call is rejected, logs in again and is replayed.
      clock.advance(SERVER_IDLE.plusMinutes(1));
      assertEquals(
          XandrSimulatorConfig.DEFAULT_USER,
          api.userSingle().blockingGet().response().user().username());
      assertEquals(2, sim.logins());
      assertEquals(1, sim.rejected());
    }
  }

  @Test
  void aWrongPasswordFailsTheSingleWithTheTypedException() throws Exception {
    try (LatchkeyStackXandrApi api = builder("Wrong-Pass-1!").build()) {
      // The Single's onError gets the typed exception itself (blockingGet would wrap it).
      api.userSingle()
          .test()
          .awaitDone(30, TimeUnit.SECONDS)
          .assertError(AuthenticationFailedException.class);
    }
  }

  @Test
  void anInstantFieldReadsWithTheDefaultMapper() throws Exception {
    try (LatchkeyStackXandrApi api =
        builder(XandrSimulatorConfig.DEFAULT_PASSWORD).build()) {
      StackXandrApi.TimedUserAnswer.User user = api.user().response().user();
      assertEquals(clock.instant(), user.lastLogin());
      assertEquals(XandrSimulatorConfig.DEFAULT_USER, user.username());
    }
  }

  @Test
  void aDirectMethodThrowsTheTypedFailureNotAWrapper() throws Exception {
    try (LatchkeyStackXandrApi api = builder("Wrong-Pass-1!").build()) {
      // Before issue 15: UncheckedIOException wrapping it.
      assertThrows(AuthenticationFailedException.class, api::user);
    }
  }
}
