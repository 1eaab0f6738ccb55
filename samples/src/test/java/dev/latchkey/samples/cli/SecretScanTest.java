package dev.latchkey.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.store.FileSessionStore;
import dev.latchkey.runtime.store.InMemorySessionStore;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.samples.mediasilo.LatchkeyMediaSiloApi;
import dev.latchkey.samples.mediasilo.MediaSiloSample;
import dev.latchkey.samples.mediasilo.SimulatorAccount;
import dev.latchkey.samples.ondemand.LatchkeyOnDemandApi;
import dev.latchkey.samples.ondemand.OnDemandSample;
import dev.latchkey.samples.ondemand.OnDemandSimulator;
import dev.latchkey.samples.xandr.LatchkeyXandrApi;
import dev.latchkey.samples.xandr.XandrSample;
import dev.latchkey.samples.xandr.XandrSimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret scan. Runs every sample story ({@code demo}: first call, reuse, expiry and renewal,
 * wrong password, for all three samples) and every sample's {@code call} path with full request
 * and response logging on (the {@code call --verbose} wiring), and collects everything text can
 * carry: the log lines, the demo reports, stdout and stderr, java.util.logging, the message and
 * stack trace of every exception a call failed with, every auth event, and the {@code
 * toString()} of the clients, their builders, session stores, credentials and exceptions. None
 * of the secrets may appear in any of it: the passwords and API keys the stories use, and every
 * token, session key, cookie and digest {@code response=} that crossed the wire (a tap collects
 * them unredacted).
 */
class SecretScanTest {
  /** Secrets the stories hold; the wire tap adds every one the simulators hand out. */
  private static final List<String> KNOWN = List.of(
      OnDemandSimulator.DEMO_PASSWORD,
      "not-the-password",
      XandrSimulatorConfig.DEFAULT_PASSWORD,
      "Wrong-Pass-1!",
      SimulatorAccount.DEMO.password(),
      SimulatorAccount.DEMO.apiKey(),
      "wrong-password",
      "not-the-key");

  @TempDir
  Path storeDir;

  private final WireTap tap = new WireTap();
  private final Queue texts = new Queue();
  private final List<Closeable> open = new ArrayList<>();
  private final PrintStream realOut = System.out;
  private final PrintStream realErr = System.err;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final Handler julHandler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      texts.add(record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage());
      if (record.getThrown() != null) {
        texts.add(trace(record.getThrown()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Thread-safe collector of captured text. */
  static final class Queue {
    final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

    void add(String item) {
      items.add(String.valueOf(item));
    }
  }

  @BeforeEach
  void capture() {
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    Logger.getLogger("").addHandler(julHandler);
  }

  @AfterEach
  void release() throws IOException {
    DemoWire.install(null);
    System.setOut(realOut);
    System.setErr(realErr);
    Logger.getLogger("").removeHandler(julHandler);
    for (Closeable closeable : open) {
      closeable.close();
    }
  }

  /** Everything an engine's client is built on: the tap, then --verbose logging, then failures. */
  private OkHttpClient.Builder watched(OkHttpClient.Builder base, Sample sample) {
    base.addNetworkInterceptor(tap);
    TlsOptions.logEverything(base, sample, texts::add);
    return base.eventListener(new EventListener() {
      @Override
      public void callFailed(Call call, IOException e) {
        texts.add(trace(e));
      }
    });
  }

  @Test
  void noSecretInAnythingTheStoriesLogThrowOrPrint() throws Exception {
    List<Sample> samples = List.of(new OnDemandSample(), new XandrSample(), new MediaSiloSample());
    for (Sample sample : samples) {
      DemoWire.install(base -> watched(base, sample));
      ByteArrayOutputStream report = new ByteArrayOutputStream();
      boolean worked = sample.demo(new PrintStream(report, true, StandardCharsets.UTF_8));
      texts.add(report.toString(StandardCharsets.UTF_8));
      assertTrue(worked, sample.name() + " demo failed:\n" + report);
    }
    DemoWire.install(null);
    callPaths();
    toStrings();

    texts.add(stdout.toString(StandardCharsets.UTF_8));
    texts.add(stderr.toString(StandardCharsets.UTF_8));
    Set<String> secrets = new TreeSet<>(KNOWN);
    secrets.addAll(tap.secrets);
    assertTrue(
        tap.kinds.containsAll(Set.of(
            "token",
            "session key",
            "digest response",
            "authorization",
            "mediasiloapikey",
            "mediasilosessionkey")),
        "the tap saw too little to make the scan mean anything: " + tap.kinds);
    String all = String.join("\n", texts.items);
    assertTrue(all.contains("--> GET") && all.contains("<-- 200"), "logging was not on");
    assertTrue(
        all.contains("Authorization: " + dev.latchkey.runtime.logging.Redactor.MASK)
            && all.contains("MediaSiloSessionKey: " + dev.latchkey.runtime.logging.Redactor.MASK),
        "the log shows no masked credential header, so it did not log what went on the wire");
    assertEquals(
        List.of(),
        SecretScanner.findings(all, secrets),
        "secrets found in logs, messages, traces or toString()");
  }

  @Test
  void theScannerFindsAPlantedSecret() {
    List<String> found = SecretScanner.findings(
        "ok line\nAuthorization: tok-123456789\n", Set.of("tok-123456789", "absent-secret"));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).contains("tok-1"), found.get(0));
  }

  /** Each sample's {@code call} path (Sample.client, --verbose wiring) against its simulator. */
  private void callPaths() throws Exception {
    List<Object[]> paths = List.of(
        new Object[] {new OnDemandSample(), "", "products"},
        new Object[] {new XandrSample(), "", "member"},
        new Object[] {new MediaSiloSample(), "v3/", "me"});
    for (Object[] entry : paths) {
      Sample sample = (Sample) entry[0];
      RunningSimulator sim = sample.simulate(Options.parse(List.of("--port", "0"), List.of()));
      open.add(sim);
      OkHttpClient base = watched(new OkHttpClient.Builder(), sample).build();
      String baseUrl = sim.url().resolve((String) entry[1]).toString();
      Options options = Options.parse(List.of("--base-url", baseUrl), List.of());
      try (SampleCall call = sample.client(options, base, event -> texts.add(event.toString()))) {
        for (int i = 0; i < 3; i++) {
          texts.add(call.get((String) entry[2]));
        }
        texts.add(call.toString());
      }
    }
  }

  /** The public objects a user holds: builders, clients, credentials, and their exceptions. */
  private void toStrings() throws Exception {
    RunningSimulator ondemand = simulate(new OnDemandSample());
    UserPassword robot =
        new UserPassword(OnDemandSimulator.DEFAULT_USER, OnDemandSimulator.DEMO_PASSWORD);
    texts.add(robot.toString());
    LatchkeyOnDemandApi.Builder digest = LatchkeyOnDemandApi.builder()
        .baseUrl(ondemand.url().toString())
        .eventListener(this::event)
        .okHttpClient(watched(new OkHttpClient.Builder(), new OnDemandSample()).build())
        .credentials(() -> new UserPassword(OnDemandSimulator.DEFAULT_USER, "not-the-password"));
    texts.add(digest.toString());
    try (LatchkeyOnDemandApi api = digest.build()) {
      texts.add(api.toString());
      texts.add(trace(
          assertThrows(AuthenticationFailedException.class, () -> api.products().execute())));
      texts.add(api.toString());
    }

    RunningSimulator xandr = simulate(new XandrSample());
    List<SessionStore> stores =
        List.of(new InMemorySessionStore(), FileSessionStore.open(storeDir.resolve("store")));
    for (String password : List.of(XandrSimulatorConfig.DEFAULT_PASSWORD, "Wrong-Pass-1!")) {
      SessionStore store = stores.get(password.startsWith("Wrong") ? 0 : 1);
      LatchkeyXandrApi.Builder builder = LatchkeyXandrApi.builder()
          .baseUrl(xandr.url().toString())
          .sessionStore(store)
          .okHttpClient(watched(new OkHttpClient.Builder(), new XandrSample()).build())
          .eventListener(this::event)
          .credentials(() -> new UserPassword(XandrSimulatorConfig.DEFAULT_USER, password));
      texts.add(builder.toString());
      try (LatchkeyXandrApi api = builder.build()) {
        try {
          api.member().execute();
        } catch (IOException e) {
          texts.add(trace(e));
        }
        texts.add(api.toString());
      }
      texts.add(store.toString());
    }
    // A second process's view: the file store now holds the session a login made.
    SessionStore reopened = FileSessionStore.open(storeDir.resolve("store"));
    texts.add(reopened.toString());

    RunningSimulator mediasilo = simulate(new MediaSiloSample());
    SimulatorAccount demo = SimulatorAccount.DEMO;
    for (String password : List.of(demo.password(), "wrong-password")) {
      LatchkeyMediaSiloApi.Builder builder = LatchkeyMediaSiloApi.builder()
          .baseUrl(mediasilo.url().resolve("v3/").toString())
          .hostContext(demo.hostContext())
          .apiKey(demo.apiKey())
          .okHttpClient(
              watched(new OkHttpClient.Builder(), new MediaSiloSample()).build())
          .eventListener(this::event)
          .credentials(() -> new UserPassword(demo.user(), password));
      texts.add(builder.toString());
      try (LatchkeyMediaSiloApi api = builder.build()) {
        try {
          api.me().execute();
        } catch (IOException e) {
          texts.add(trace(e));
        }
        texts.add(api.toString());
      }
    }
  }

  private RunningSimulator simulate(Sample sample) throws IOException {
    RunningSimulator sim = sample.simulate(Options.parse(List.of("--port", "0"), List.of()));
    open.add(sim);
    return sim;
  }

  private void event(AuthEvent event) {
    texts.add(event.toString());
  }

  static String trace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return e + "\n" + out;
  }
}
