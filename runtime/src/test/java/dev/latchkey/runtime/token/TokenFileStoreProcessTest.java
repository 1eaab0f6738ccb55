package dev.latchkey.runtime.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs sharing one store directory (issue 10): the login budget is spent once, not per run. */
class TokenFileStoreProcessTest {
  /** Only a guard against a hung child; the assertions do not depend on timing. */
  private static final long HANG_GUARD_SECONDS = 120;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeXandr fake = new FakeXandr(clock);
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path temp;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(fake);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private Process launch(Path store) throws IOException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            classPath,
            StoreProcessMain.class.getName(),
            server.url("/").toString(),
            store.toString(),
            Long.toString(clock.millis()))
        .redirectErrorStream(true)
        .start();
  }

  private static String finish(Process process) throws Exception {
    if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child JVM hung");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    return out;
  }

  @Test
  void fiveSequentialProcessesLogInOnceThenOnceMoreAfterTheHardLifetime() throws Exception {
    Path store = temp.resolve("store");
    for (int i = 0; i < 5; i++) {
      assertTrue(finish(launch(store)).startsWith("200"));
      clock.advance(Duration.ofMinutes(1));
    }
    assertEquals(1, fake.logins.get());
    clock.advance(Duration.ofHours(24));
    assertTrue(finish(launch(store)).startsWith("200"));
    assertTrue(finish(launch(store)).startsWith("200"));
    assertEquals(2, fake.logins.get());
  }

  @Test
  void fourProcessesStartedTogetherLogInOnce() throws Exception {
    Path store = temp.resolve("store");
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      processes.add(launch(store));
    }
    for (Process p : processes) {
      assertTrue(finish(p).startsWith("200"));
    }
    assertEquals(1, fake.logins.get());
  }
}
