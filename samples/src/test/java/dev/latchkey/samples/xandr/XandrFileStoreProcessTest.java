package dev.latchkey.samples.xandr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.samples.cli.Options;
import dev.latchkey.samples.sim.SimClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 end to end: separate JVMs running {@code call xandr member --store file:DIR} against one
 * Xandr simulator share one token, so five runs in a row make one login between them; after the
 * server's hard lifetime exactly one more. The store files are private (0600).
 */
class XandrFileStoreProcessTest {
  @TempDir
  Path temp;

  @Test
  void fiveSequentialProcessesMakeOneLoginThenOneMoreAfterTheHardLifetime() throws Exception {
    Path store = temp.resolve("store");
    XandrSimulatorConfig config =
        XandrSimulatorConfig.from(Options.parse(List.of("--token-max", "PT4S"), List.of()));
    // The server's time is the test's: however slowly five JVMs start on a loaded machine, the
    // token does not end before the test moves the clock past its hard lifetime.
    SimClock serverClock = new SimClock();
    try (XandrSimulator sim = XandrSimulator.start(config, serverClock)) {
      String url = sim.url().toString();
      for (int i = 0; i < 5; i++) {
        assertCallSucceeds(url, store);
      }
      assertEquals(1, stats(url).get("logins").asInt(), "five processes, one login");
      serverClock.advance(Duration.ofSeconds(5)); // the server's hard lifetime (short) passes
      for (int i = 0; i < 2; i++) {
        assertCallSucceeds(url, store);
      }
      assertEquals(2, stats(url).get("logins").asInt(), "exactly one more login after expiry");
    }
    try (Stream<Path> files = Files.list(store)) {
      for (Path file : files.toList()) {
        assertEquals(
            "rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
            file.toString());
      }
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
  }

  private static void assertCallSucceeds(String url, Path store) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add("dev.latchkey.samples.Main");
    command.addAll(List.of(
        "call", "xandr", "member", "--base-url", url, "--store", "file:" + store, "--quiet"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the call process finished");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains(" failed=0 "), output);
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
