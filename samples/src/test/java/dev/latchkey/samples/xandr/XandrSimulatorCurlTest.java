package dev.latchkey.samples.xandr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' own curl commands, run with the real curl binary against the simulator. */
class XandrSimulatorCurlTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private XandrSimulator sim;
  private Path auth;

  @BeforeEach
  void start() throws IOException {
    assumeTrue(curlAvailable(), "curl is not installed");
    sim = XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC());
    auth = dir.resolve("auth");
    // seed 001, "Example": the auth file as the seed shows it
    Files.writeString(
        auth,
        "{\n \"auth\":\n  {\n    \"username\" : \"" + XandrSimulatorConfig.DEFAULT_USER
            + "\",\n    \"password\" : \"" + XandrSimulatorConfig.DEFAULT_PASSWORD
            + "\"\n  }\n}\n");
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void tokenInTheAuthorizationHeader() throws Exception {
    JsonNode login =
        JSON.readTree(curl("-v", "-X", "POST", "--data-binary", "@" + auth, url("auth")));
    String token = login.at("/response/token").asText();
    assertEquals("OK", login.at("/response/status").asText());
    JsonNode members = JSON.readTree(curl("-H", "Authorization: " + token, url("member")));
    assertEquals("2", members.at("/response/members/0/bidder_id").asText());
  }

  @Test
  void tokenInTheCookieJar() throws Exception {
    Path cookies = dir.resolve("cookies");
    curl(
        "-b",
        cookies.toString(),
        "-c",
        cookies.toString(),
        "-X",
        "POST",
        "-d",
        "@" + auth,
        url("auth"));
    JsonNode members =
        JSON.readTree(curl("-b", cookies.toString(), "-c", cookies.toString(), url("member")));
    assertEquals("1", members.at("/response/members/0/id").asText());
    JsonNode user = JSON.readTree(curl("-b", cookies.toString(), url("user?current")));
    assertEquals(
        XandrSimulatorConfig.DEFAULT_USER, user.at("/response/user/username").asText());

    JsonNode refused = JSON.readTree(curl(url("member")));
    assertEquals("NOAUTH", refused.at("/response/error_id").asText());
    JsonNode stats = JSON.readTree(curl(url("__sim/stats")));
    assertEquals(1, stats.get("logins").asInt());
    assertEquals(1, stats.get("rejected").asInt());
    assertEquals(4, stats.get("requests").asInt());
    assertEquals(0, stats.get("login_throttled").asInt());
  }

  private String url(String path) {
    return sim.url() + path;
  }

  private static boolean curlAvailable() {
    try {
      return new ProcessBuilder("curl", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String curl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "20"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
    assertEquals(0, process.exitValue(), "curl " + args[args.length - 1]);
    return out;
  }
}
