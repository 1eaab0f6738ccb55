package dev.latchkey.samples.mediasilo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.redis.RedisServer;
import dev.latchkey.redis.RedisSessionStore;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.sim.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Header auth in fleet mode: MediaSilo sessions ({@code POST /v3/session}, 60 minutes idle) shared
 * through a real redis-server by workers that share nothing else; any worker's call keeps the
 * shared session alive, and closing a worker does not end it for the others.
 */
class MediaSiloFleetTest {

  @Test
  void workersShareOneSessionThatAnyWorkersUseKeepsAlive() throws Exception {
    SimClock clock = new SimClock(Instant.parse("2026-03-02T08:00:00Z"));
    SimulatorAccount account = SimulatorAccount.DEMO;
    List<AutoCloseable> resources = new ArrayList<>();
    try (RedisServer redis = RedisServer.start();
        MediaSiloSimulator sim = MediaSiloSimulator.start(account, clock, 0)) {
      List<LatchkeyMediaSiloApi> fleet = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        RedisSessionStore store = RedisSessionStore.builder(redis.uri()).build();
        LatchkeyMediaSiloApi api = LatchkeyMediaSiloApi.builder()
            .baseUrl(sim.baseUrl())
            .hostContext(account.hostContext())
            .apiKey(account.apiKey())
            .credentials(() -> new UserPassword(account.user(), account.password()))
            .okHttpClient(new OkHttpClient())
            .clock(clock)
            .sessionStore(store)
            .build();
        resources.add(store);
        resources.add(api);
        fleet.add(api);
      }
      for (LatchkeyMediaSiloApi api : fleet) {
        assertTrue(api.me().execute().isSuccessful());
      }
      assertEquals(1, sim.logins(), "four workers, one session");
      // only worker 0 calls, every 40 minutes: worker 3, idle for 2 hours, still finds it alive
      for (int i = 0; i < 3; i++) {
        clock.advance(Duration.ofMinutes(40));
        assertTrue(fleet.get(0).me().execute().isSuccessful());
      }
      fleet.get(1).close();
      assertEquals(0, sim.sessionsEnded(), "closing one worker does not end the fleet's session");
      assertTrue(fleet.get(3).me().execute().isSuccessful());
      assertEquals(1, sim.logins());
      assertEquals(0, sim.rejected());
    } finally {
      for (AutoCloseable r : resources) {
        r.close();
      }
    }
  }
}
