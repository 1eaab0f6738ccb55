package dev.latchkey.samples.mediasilo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.header.HeaderAuthMode;
import dev.latchkey.samples.cli.Options;
import dev.latchkey.samples.cli.SampleCall;
import dev.latchkey.samples.sim.SimClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MediaSilo client through the header engine against the simulator. */
class MediaSiloClientTest {
  private final SimClock clock = new SimClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final SimulatorAccount account = SimulatorAccount.DEMO;
  private MediaSiloSimulator simulator;
  private final List<LatchkeyMediaSiloApi> clients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    simulator = MediaSiloSimulator.start(account, clock, 0);
  }

  @AfterEach
  void stop() throws IOException {
    for (LatchkeyMediaSiloApi client : clients) {
      client.close();
    }
    simulator.close();
  }

  private MediaSiloApi api(SimulatorAccount credentials, HeaderAuthMode mode) {
    LatchkeyMediaSiloApi.Builder builder = LatchkeyMediaSiloApi.builder()
        .baseUrl(simulator.baseUrl())
        .credentials(() -> new UserPassword(credentials.user(), credentials.password()))
        .mode(mode)
        .clock(clock);
    // A missing value is a setter never called, as in a user's code.
    if (credentials.hostContext() != null) {
      builder.hostContext(credentials.hostContext());
    }
    if (credentials.apiKey() != null) {
      builder.apiKey(credentials.apiKey());
    }
    LatchkeyMediaSiloApi client = builder.build();
    clients.add(client);
    return client;
  }

  private SimulatorAccount with(String password, String hostContext, String apiKey) {
    return new SimulatorAccount(
        account.user(), password, hostContext, apiKey, account.sessionIdle());
  }

  @Test
  void sessionModeCreatesOneSessionAndReusesIt() throws IOException {
    MediaSiloApi api = api(account, HeaderAuthMode.SESSION);
    assertEquals(account.user(), api.me().execute().body().userName());
    assertEquals(2, api.projects().execute().body().size());
    assertEquals(account.hostContext(), api.me().execute().body().accountName());
    assertEquals(1, simulator.logins());
    assertEquals(0, simulator.rejected());
  }

  @Test
  void basicModeNeedsNoSession() throws IOException {
    MediaSiloApi api = api(account, HeaderAuthMode.BASIC);
    assertTrue(api.me().execute().isSuccessful());
    assertTrue(api.projects().execute().isSuccessful());
    assertEquals(0, simulator.logins());
    assertEquals(0, simulator.rejected());
  }

  @Test
  void idleExpiryMakesExactlyOneNewSessionWithoutAFailedCall() throws IOException {
    MediaSiloApi api = api(account, HeaderAuthMode.SESSION);
    assertTrue(api.me().execute().isSuccessful());
    // The session engine renews a tenth of the idle lifetime (at most a minute) before its end.
    clock.advance(Duration.ofMinutes(58));
    assertTrue(api.me().execute().isSuccessful());
    assertEquals(1, simulator.logins());
    clock.advance(Duration.ofMinutes(60));
    assertTrue(api.me().execute().isSuccessful());
    assertTrue(api.projects().execute().isSuccessful());
    assertEquals(2, simulator.logins());
    assertEquals(0, simulator.rejected());
  }

  @Test
  void sixtyFourThreadsOnAColdClientCreateOneSession() throws Exception {
    MediaSiloApi api = api(account, HeaderAuthMode.SESSION);
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return api.me().execute().isSuccessful();
        }));
      }
      go.countDown();
      for (Future<Boolean> result : results) {
        assertTrue(result.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, simulator.logins());
    assertEquals(0, simulator.rejected());
  }

  @Test
  void wrongApiKeyIsTypedAndNamedWithoutTheKey() {
    MediaSiloApi api = api(
        with(account.password(), account.hostContext(), "guessed-key-42"), HeaderAuthMode.SESSION);
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> api.me().execute());
    assertTrue(e.getMessage().contains("MediaSiloApiKey not valid"), e.getMessage());
    assertFalse(e.getMessage().contains("guessed-key-42"), e.getMessage());
  }

  @Test
  void wrongHostContextIsTypedAndNamed() {
    MediaSiloApi api =
        api(with(account.password(), "otheraccount", account.apiKey()), HeaderAuthMode.BASIC);
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> api.me().execute());
    assertTrue(e.getMessage().contains("unknown account in MediaSiloHostContext"), e.getMessage());
    assertTrue(e.getMessage().contains("MediaSiloHostContext='otheraccount'"), e.getMessage());
    assertFalse(e.getMessage().contains(account.apiKey()), e.getMessage());
  }

  @Test
  void wrongPasswordIsTypedWithoutThePassword() {
    MediaSiloApi api =
        api(with("hunter2-wrong", account.hostContext(), account.apiKey()), HeaderAuthMode.SESSION);
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, () -> api.me().execute());
    assertFalse(e.getMessage().contains("hunter2-wrong"), e.getMessage());
    assertEquals(0, simulator.logins());
  }

  @Test
  void missingApiKeyFailsAtBuildNamingTheSetter() {
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> api(with(account.password(), account.hostContext(), null), HeaderAuthMode.SESSION));
    assertTrue(e.getMessage().contains("apiKey(..)"), e.getMessage());
    LatchkeyConfigException missingContext = assertThrows(
        LatchkeyConfigException.class,
        () -> api(with(account.password(), null, account.apiKey()), HeaderAuthMode.SESSION));
    assertTrue(
        missingContext.getMessage().contains("hostContext(..)"), missingContext.getMessage());
  }

  @Test
  void closeDeletesTheSession() throws IOException {
    MediaSiloApi api = api(account, HeaderAuthMode.SESSION);
    assertTrue(api.me().execute().isSuccessful());
    clients.remove(0).close();
    assertEquals(1, simulator.sessionsEnded());
  }

  @Test
  void cliClientHonoursModeFlag() throws IOException {
    MediaSiloSample sample = new MediaSiloSample();
    Options options =
        Options.parse(List.of("--base-url", simulator.baseUrl(), "--mode", "basic"), List.of());
    try (SampleCall call =
        sample.client(options, new okhttp3.OkHttpClient(), AuthEventListener.NONE)) {
      assertTrue(call.get("me").contains(account.user()));
    }
    assertEquals(0, simulator.logins());
    Options session = Options.parse(List.of("--base-url", simulator.baseUrl()), List.of());
    try (SampleCall call =
        sample.client(session, new okhttp3.OkHttpClient(), AuthEventListener.NONE)) {
      assertTrue(call.get("projects").contains("Dailies"));
    }
    assertEquals(1, simulator.logins());
    assertThrows(Options.UsageException.class, () -> MediaSiloSample.mode("digest"));
  }

  @Test
  void demoTellsTheWholeStory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean ok = new MediaSiloSample().demo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(ok, report);
    assertFalse(report.contains("FAIL"), report);
    assertFalse(report.contains(SimulatorAccount.DEMO.password()), report);
    assertFalse(report.contains("wrong-password"), report);
  }
}
