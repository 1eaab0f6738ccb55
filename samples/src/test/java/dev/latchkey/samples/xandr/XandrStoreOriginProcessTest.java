package dev.latchkey.samples.xandr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's "done when" from the CLI, with real {@code call} processes sharing a {@code --store}:
 * two base URLs never see each other's token (defect 2), and three processes with a wrong password
 * do not spend the shared login budget of a fourth with the right one (defect 4).
 */
class XandrStoreOriginProcessTest {
  @TempDir
  Path temp;

  @Test
  void twoBaseUrlsSharingAStoreNeverSeeEachOthersToken() throws Exception {
    Path store = temp.resolve("store");
    try (XandrSimulator production =
            XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC());
        XandrSimulator staging =
            XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC())) {
      assertEquals(0, call(production.url().toString(), store, null).exit);
      assertEquals(0, call(staging.url().toString(), store, null).exit);
      assertEquals(0, call(production.url().toString(), store, null).exit);
      JsonNode stagingStats = stats(staging.url().toString());
      assertEquals(
          0,
          stagingStats.get("rejected").asInt(),
          "staging was sent production's token: " + stagingStats);
      assertEquals(1, stagingStats.get("logins").asInt());
      assertEquals(
          1,
          stats(production.url().toString()).get("logins").asInt(),
          "production's token was kept");
    }
  }

  @Test
  void threeProcessesWithAWrongPasswordDoNotBlockTheRightOne() throws Exception {
    Path store = temp.resolve("store");
    try (XandrSimulator sim =
        XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC())) {
      String url = sim.url().toString();
      for (int i = 0; i < 3; i++) {
        Run wrong = call(url, store, "Wrong-Pass-2026!");
        assertNotEquals(0, wrong.exit, wrong.output);
      }
      Run right = call(url, store, null);
      assertEquals(0, right.exit, "the right password was blocked: " + right.output);
      assertTrue(right.output.contains(" logins=1 "), right.output);
      assertEquals(1, stats(url).get("logins").asInt());
    }
  }

  private record Run(int exit, String output) {}

  /** One {@code call xandr member} process of five calls; {@code password} null: the simulator's own. */
  private static Run call(String url, Path store, String password) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add("dev.latchkey.samples.Main");
    command.addAll(List.of(
        "call",
        "xandr",
        "member",
        "--base-url",
        url,
        "--store",
        "file:" + store,
        "--repeat",
        "5",
        "--quiet",
        "--password-env",
        "XANDR_TEST_PASSWORD"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .put(
            "XANDR_TEST_PASSWORD",
            password == null ? XandrSimulatorConfig.DEFAULT_PASSWORD : password);
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the call process finished");
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static JsonNode stats(String url) throws IOException {
    OkHttpClient client = new OkHttpClient();
    try (Response response =
        client.newCall(new Request.Builder().url(url + "__sim/stats").build()).execute()) {
      return new ObjectMapper().readTree(response.body().string());
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
