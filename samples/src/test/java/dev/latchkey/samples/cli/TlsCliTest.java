package dev.latchkey.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.logging.Redactor;
import dev.latchkey.runtime.tls.Pins;
import dev.latchkey.samples.Main;
import dev.latchkey.samples.mediasilo.SimulatorAccount;
import dev.latchkey.samples.xandr.XandrSimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.tls.Certificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS side of the CLI: {@code simulate --tls}, {@code call --trust-pem/--pin/--verbose}, {@code pins}. */
class TlsCliTest {
  private final List<RunningSimulator> started = new ArrayList<>();
  private String lastErr = "";
  private String lastOut = "";

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    started.forEach(RunningSimulator::close);
  }

  @Test
  void simulateWithTlsPrintsHttpsAndTheCaFilesAndCallsPinTheIntermediate() throws Exception {
    ByteArrayOutputStream simOut = new ByteArrayOutputStream();
    PrintStream simPrint = new PrintStream(simOut, true, StandardCharsets.UTF_8);
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread = new Thread(() -> code.set(Main.run(
        new String[] {"simulate", "ondemand", "--port", "0", "--tls"}, simPrint, simPrint)));
    thread.start();
    try {
      List<String> lines = firstLines(simOut, 3);
      assertTrue(lines.get(0).matches("listening on https://127\\.0\\.0\\.1:\\d+/"), lines.get(0));
      assertTrue(lines.get(1).startsWith("root-pem "), lines.get(1));
      assertTrue(lines.get(2).startsWith("intermediate-pem "), lines.get(2));
      String url = lines.get(0).substring("listening on ".length());
      String root = lines.get(1).substring("root-pem ".length());
      String intermediatePin =
          pinOfPemFile(Path.of(lines.get(2).substring("intermediate-pem ".length())));
      assertNotEquals(intermediatePin, pinOfPemFile(Path.of(root)));

      assertEquals(
          0,
          run(
              "call",
              "ondemand",
              "/products",
              "--base-url",
              url,
              "--trust-pem",
              root,
              "--pin",
              intermediatePin,
              "--repeat",
              "20",
              "--concurrency",
              "4",
              "--quiet"),
          lastErr);
      assertTrue(lastOut.contains("stats requests=20 ok=20 failed=0"), lastOut);

      String otherKey = Pins.pin(new HeldCertificate.Builder().build().certificate());
      assertEquals(
          1,
          run(
              "call",
              "ondemand",
              "/products",
              "--base-url",
              url,
              "--trust-pem",
              root,
              "--pin",
              otherKey,
              "--repeat",
              "3",
              "--quiet"));
      assertTrue(lastOut.contains("failed=3"), lastOut);
      assertTrue(lastErr.contains("pinning") && lastErr.contains("127.0.0.1"), lastErr);

      assertEquals(0, run("pins", url, "--trust-pem", root), lastErr);
      List<String> pins = lastOut.lines().toList();
      assertEquals(
          3, pins.size(), lastOut); // leaf, intermediate, root (added from the trust anchor)
      assertTrue(pins.get(1).startsWith(intermediatePin + "  "), lastOut);
      assertTrue(pins.get(1).contains("intermediate"), lastOut);

      // without the root the chain is not trusted: the call fails instead of trusting blindly
      assertEquals(1, run("call", "ondemand", "/products", "--base-url", url, "--quiet"));
    } finally {
      thread.interrupt();
      thread.join(10_000);
    }
    assertFalse(thread.isAlive());
    assertEquals(1, code.get()); // interrupted
  }

  @Test
  void pinsNeedsAnHttpsUrl() {
    assertEquals(2, run("pins", "http://127.0.0.1:1/"));
    assertTrue(lastErr.contains("https"), lastErr);
    assertEquals(
        2,
        run(
            "call",
            "ondemand",
            "/",
            "--env",
            "production",
            "--pin",
            Pins.pin(new HeldCertificate.Builder().build().certificate())));
    assertTrue(lastErr.contains("--pin needs --base-url"), lastErr);
    assertEquals(
        2,
        run(
            "call",
            "ondemand",
            "/",
            "--base-url",
            "https://127.0.0.1:1/",
            "--trust-pem",
            dir.resolve("missing.pem").toString()));
    assertTrue(lastErr.contains("--trust-pem: no such file"), lastErr);
    assertEquals(
        2,
        run(
            "call",
            "ondemand",
            "/",
            "--base-url",
            "https://127.0.0.1:1/",
            "--pin",
            "sha256/not-a-pin"));
    assertTrue(lastErr.contains("sha256/"), lastErr);
  }

  @Test
  void verboseXandrCallOverTlsLogsEveryExchangeWithSecretsMasked() throws Exception {
    RunningSimulator sim = simulate("xandr");
    String root = rootFile(sim);
    assertEquals(
        0,
        run(
            "call",
            "xandr",
            "/member",
            "--base-url",
            sim.url().toString(),
            "--trust-pem",
            root,
            "--pin",
            intermediatePin(sim),
            "--verbose",
            "--repeat",
            "2"),
        lastErr);
    assertTrue(lastErr.contains("--> POST " + sim.url() + "auth"), lastErr);
    assertTrue(lastErr.contains("--> GET " + sim.url() + "member"), lastErr);
    assertTrue(lastErr.contains("<-- 200"), lastErr);
    assertFalse(lastErr.contains(XandrSimulatorConfig.DEFAULT_PASSWORD), lastErr);
    Matcher authorization = Pattern.compile("(?i)authorization: (.*)").matcher(lastErr);
    int seen = 0;
    while (authorization.find()) {
      assertEquals(Redactor.MASK, authorization.group(1).trim(), lastErr);
      seen++;
    }
    assertTrue(seen >= 2, lastErr); // both GETs carried the token, masked
    Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"").matcher(lastErr);
    assertTrue(token.find(), lastErr);
    assertEquals(Redactor.MASK, token.group(1));
  }

  @Test
  void mediaSiloOverTlsWorksInBothModesAndVerboseMasksItsHeaders() throws Exception {
    RunningSimulator sim = simulate("mediasilo");
    String root = rootFile(sim);
    String pin = intermediatePin(sim);
    String base = sim.url() + "v3/";
    for (String mode : List.of("session", "basic")) {
      assertEquals(
          0,
          run(
              "call",
              "mediasilo",
              "/me",
              "--base-url",
              base,
              "--trust-pem",
              root,
              "--pin",
              pin,
              "--mode",
              mode,
              "--repeat",
              "5",
              "--verbose"),
          mode + ": " + lastErr);
      assertTrue(lastOut.contains("failed=0"), lastOut);
      assertTrue(lastErr.contains("--> GET " + base + "me"), lastErr);
      SimulatorAccount account = SimulatorAccount.DEMO;
      for (String secret : List.of(account.password(), account.apiKey())) {
        assertFalse(lastErr.contains(secret), mode + " leaked a secret: " + lastErr);
      }
      assertTrue(lastErr.contains("MediaSiloApiKey: " + Redactor.MASK), lastErr);
      if (mode.equals("session")) {
        // the session key is in the closing DELETE's URL: masked there too
        assertTrue(lastErr.contains("--> DELETE " + base + "session/" + Redactor.MASK), lastErr);
      }
    }
    assertTrue(lastErr.contains("Authorization: " + Redactor.MASK), lastErr); // basic mode
  }

  @Test
  void withoutTlsTheSimulatorsStillServePlainHttp() throws Exception {
    for (String name : List.of("ondemand", "xandr", "mediasilo")) {
      RunningSimulator sim =
          Samples.named(name).simulate(Options.parse(List.of(), SimulateCommand.SWITCHES));
      started.add(sim);
      assertEquals("http", sim.url().getScheme(), name);
      assertEquals(null, sim.tls(), name);
    }
  }

  private RunningSimulator simulate(String name) throws Exception {
    RunningSimulator sim =
        Samples.named(name).simulate(Options.parse(List.of("--tls"), SimulateCommand.SWITCHES));
    started.add(sim);
    assertEquals("https", sim.url().getScheme());
    assertNotNull(sim.tls());
    return sim;
  }

  private String rootFile(RunningSimulator sim) throws Exception {
    Path file = dir.resolve(sim.url().getPort() + "-root.pem");
    Files.writeString(file, sim.tls().rootPem());
    return file.toString();
  }

  private static String intermediatePin(RunningSimulator sim) {
    return Pins.pin(Certificates.decodeCertificatePem(sim.tls().intermediatePem()));
  }

  private static String pinOfPemFile(Path file) throws Exception {
    return Pins.pin(Certificates.decodeCertificatePem(Files.readString(file)));
  }

  private static List<String> firstLines(ByteArrayOutputStream out, int count) throws Exception {
    for (int i = 0; i < 400; i++) { // bounded: at most ~20 s (key generation can be slow)
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      if (lines.size() >= count) {
        return lines.subList(0, count);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("simulator printed only: " + out.toString(StandardCharsets.UTF_8));
  }

  private int run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    lastOut = out.toString(StandardCharsets.UTF_8);
    lastErr = err.toString(StandardCharsets.UTF_8);
    return code;
  }
}
