package dev.latchkey.samples.mediasilo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.samples.sim.SimClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator against the real curl binary, with the seed's own example headers. */
class MediaSiloSimulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SimClock clock = new SimClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final SimulatorAccount account = SimulatorAccount.DEMO;
  private MediaSiloSimulator simulator;

  @BeforeEach
  void start() throws IOException {
    simulator = MediaSiloSimulator.start(account, clock, 0);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** Runs curl; returns the status code on the last line after the body. */
  private static List<String> curl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}"));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException noCurl) {
      assumeTrue(false, "curl is not installed");
      throw noCurl;
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int split = output.lastIndexOf('\n');
    return List.of(output.substring(0, split), output.substring(split + 1).trim());
  }

  private static boolean curlAvailable() {
    return Files.isExecutable(Path.of("/usr/bin/curl"))
        || Files.isExecutable(Path.of("/usr/local/bin/curl"));
  }

  @Test
  void seedBasicExampleHeadersWorkWithCurl() throws Exception {
    assumeTrue(curlAvailable(), "curl is not installed");
    // Seed 002: "Authorization : Basic ..", "MediaSiloHostContext : myaccount", "MediaSiloApiKey :
    // myappkey".
    List<String> answer = curl(
        "-u",
        account.user() + ":" + account.password(),
        "-H",
        "MediaSiloHostContext: myaccount",
        "-H",
        "MediaSiloApiKey: myappkey",
        simulator.baseUrl() + "me");
    assertEquals("200", answer.get(1), answer.get(0));
    assertEquals(account.user(), JSON.readTree(answer.get(0)).path("userName").asText());
  }

  @Test
  void seedPhpSampleApplicationKeyAndTrailingSlashWork() throws Exception {
    assumeTrue(curlAvailable(), "curl is not installed");
    List<String> answer = curl(
        "--basic",
        "-u",
        account.user() + ":" + account.password(),
        "-H",
        "MediaSiloHostContext: myaccount",
        "-H",
        "ApplicationKey: myappkey",
        simulator.baseUrl() + "me/");
    assertEquals("200", answer.get(1), answer.get(0));
  }

  @Test
  void seedSessionExampleHeadersWorkWithCurl() throws Exception {
    assumeTrue(curlAvailable(), "curl is not installed");
    List<String> created = curl(
        "-X",
        "POST",
        "-H",
        "Content-Type: application/json",
        "-H",
        "MediaSiloHostContext: myaccount",
        "-H",
        "MediaSiloApiKey: myappkey",
        "-d",
        "{\"userName\":\"" + account.user() + "\",\"password\":\"" + account.password()
            + "\",\"accountName\":\"myaccount\"}",
        simulator.baseUrl() + "session");
    assertEquals("200", created.get(1), created.get(0));
    String id = JSON.readTree(created.get(0)).path("id").asText();
    assertFalse(id.isEmpty());
    List<String> me = curl(
        "-H",
        "MediaSiloSessionKey: " + id,
        "-H",
        "MediaSiloHostContext: myaccount",
        "-H",
        "MediaSiloApiKey: myappkey",
        simulator.baseUrl() + "me");
    assertEquals("200", me.get(1), me.get(0));
    clock.advance(Duration.ofMinutes(60));
    List<String> expired = curl(
        "-H",
        "MediaSiloSessionKey: " + id,
        "-H",
        "MediaSiloHostContext: myaccount",
        "-H",
        "MediaSiloApiKey: myappkey",
        simulator.baseUrl() + "me");
    assertEquals("403", expired.get(1), expired.get(0));
  }

  @Test
  void noCredentialIs401AndAWrongOneIs403NamingWhatIsWrong() throws Exception {
    assumeTrue(curlAvailable(), "curl is not installed");
    List<String> none = curl(
        "-H",
        "MediaSiloHostContext: myaccount",
        "-H",
        "MediaSiloApiKey: myappkey",
        simulator.baseUrl() + "me");
    assertEquals("401", none.get(1));
    List<String> wrongKey = curl(
        "-u",
        account.user() + ":" + account.password(),
        "-H",
        "MediaSiloHostContext: myaccount",
        "-H",
        "MediaSiloApiKey: guessed-key",
        simulator.baseUrl() + "me");
    assertEquals("403", wrongKey.get(1));
    assertTrue(wrongKey.get(0).contains("MediaSiloApiKey"), wrongKey.get(0));
    assertFalse(wrongKey.get(0).contains("guessed-key"), wrongKey.get(0));
    List<String> wrongContext = curl(
        "-u",
        account.user() + ":" + account.password(),
        "-H",
        "MediaSiloHostContext: other",
        "-H",
        "MediaSiloApiKey: myappkey",
        simulator.baseUrl() + "me");
    assertEquals("403", wrongContext.get(1));
    assertTrue(wrongContext.get(0).contains("MediaSiloHostContext"), wrongContext.get(0));
  }

  @Test
  void statsCountRequestsRejectionsAndLogins() throws Exception {
    assumeTrue(curlAvailable(), "curl is not installed");
    curl("-H", "MediaSiloHostContext: myaccount", simulator.baseUrl() + "me");
    JsonNode stats = JSON.readTree(curl(simulator.url() + "__sim/stats").get(0));
    assertEquals(1, stats.path("requests").asInt());
    assertEquals(1, stats.path("rejected").asInt());
    assertEquals(0, stats.path("logins").asInt());
    assertEquals(0, stats.path("login_throttled").asInt());
  }

  @Test
  void accountComesFromTheContractFlags() {
    SimulatorAccount configured = SimulatorAccount.from(dev.latchkey.samples.cli.Options.parse(
        List.of("--user", "bob", "--host-context", "acme", "--session-idle", "PT5M", "--port", "0"),
        List.of()));
    assertEquals("bob", configured.user());
    assertEquals("acme", configured.hostContext());
    assertEquals(Duration.ofMinutes(5), configured.sessionIdle());
    assertEquals(SimulatorAccount.DEMO.password(), configured.password());
    assertFalse(configured.toString().contains(configured.password()), configured.toString());
    assertFalse(configured.toString().contains(configured.apiKey()), configured.toString());
  }

  @Test
  void aMissingPasswordVariableIsAUsageError() {
    org.junit.jupiter.api.Assertions.assertThrows(
        dev.latchkey.samples.cli.Options.UsageException.class,
        () -> SimulatorAccount.from(dev.latchkey.samples.cli.Options.parse(
            List.of("--password-env", "LATCHKEY_SURELY_UNSET_VARIABLE_42"), List.of())));
  }
}
