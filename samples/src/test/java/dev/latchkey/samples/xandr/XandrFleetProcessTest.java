package dev.latchkey.samples.xandr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.redis.RedisServer;
import dev.latchkey.redis.RedisSessionStore;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.store.SessionStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fleet mode with real worker processes against a real redis-server: the "done when" (8
 * {@code call xandr /member --store redis://..} JVMs started together make one login between them,
 * all {@code failed=0}), and a worker killed while it holds the login lock.
 */
class XandrFleetProcessTest {
  /** Only a guard against a hung child; no assertion depends on timing. */
  private static final long HANG_GUARD_SECONDS = 120;

  private static final long LEASE_MILLIS = 3_000;

  private RedisServer redis;
  private XandrSimulator sim;

  @BeforeEach
  void start() throws IOException {
    redis = RedisServer.start();
    sim = XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static List<String> java(String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(mainClass);
    return command;
  }

  @Test
  void eightCallProcessesStartedTogetherMakeOneLoginBetweenThem() throws Exception {
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      List<String> command = java("dev.latchkey.samples.Main");
      command.addAll(List.of(
          "call",
          "xandr",
          "/member",
          "--base-url",
          sim.url().toString(),
          "--store",
          "redis://127.0.0.1:" + redis.port(),
          "--repeat",
          "20",
          "--concurrency",
          "4",
          "--quiet"));
      workers.add(new ProcessBuilder(command).redirectErrorStream(true).start());
    }
    StringBuilder outputs = new StringBuilder();
    for (Process worker : workers) {
      String output = finish(worker);
      assertTrue(output.contains(" failed=0 "), output);
      assertTrue(output.contains("stats requests=20 ok=20 "), output);
      outputs.append(output);
    }
    JsonNode stats = stats();
    assertEquals(
        1, stats.get("logins").asInt(), "8 processes, one login: " + stats + "\n" + outputs);
    assertEquals(0, stats.get("rejected").asInt());
    assertEquals(0, stats.get("login_throttled").asInt());
  }

  @Test
  void aWorkerKilledWhileHoldingTheLoginLockBlocksTheOthersOnlyUntilTheLease() throws Exception {
    String account = SessionStore.accountKey(
        "XandrApi",
        "token",
        dev.latchkey.runtime.http.Origin.of(okhttp3.HttpUrl.get(sim.url().toString())),
        XandrSimulatorConfig.DEFAULT_USER);
    List<String> command = java(LockHolderMain.class.getName());
    command.addAll(List.of(redis.uri(), account, Long.toString(LEASE_MILLIS)));
    Process holder = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      while (line != null && line.startsWith("SLF4J")) {
        line = out.readLine(); // the test class path has no SLF4J binding
      }
      assertEquals("locked", line);
    } finally {
      holder.destroyForcibly();
      assertTrue(holder.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    }
    String lockKey = "latchkey:{" + account + "}:lock";
    assertEquals(":1", redis.command("EXISTS", lockKey), "the dead worker's lock is still there");

    try (RedisSessionStore store = RedisSessionStore.builder(redis.uri()).build();
        LatchkeyXandrApi api = LatchkeyXandrApi.builder()
            .baseUrl(sim.url().toString())
            .credentials(() -> new UserPassword(
                XandrSimulatorConfig.DEFAULT_USER, XandrSimulatorConfig.DEFAULT_PASSWORD))
            .sessionStore(store)
            .build()) {
      assertTrue(
          api.member().execute().isSuccessful(),
          "another worker logs in once the lease has passed");
    }
    assertEquals(1, sim.logins());
    assertEquals(":0", redis.command("EXISTS", lockKey), "the new holder released its lock");
  }

  private static String finish(Process process) throws Exception {
    if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("worker JVM hung");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    return out;
  }

  private JsonNode stats() throws IOException {
    OkHttpClient client = new OkHttpClient();
    try (Response response = client
        .newCall(new Request.Builder().url(sim.url() + "__sim/stats").build())
        .execute()) {
      return new ObjectMapper().readTree(response.body().string());
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
