package dev.latchkey.runtime.token;

import static dev.latchkey.runtime.token.TokenTestSupport.count;
import static dev.latchkey.runtime.token.TokenTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.store.FileSessionStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token login sharing its session through a {@link FileSessionStore} (issue 10). */
class TokenFileStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeXandr fake = new FakeXandr(clock);
  private final MockWebServer server = new MockWebServer();
  private final List<AuthEvent> events = TokenTestSupport.events();
  private final List<LatchkeyClient> clients = new ArrayList<>();

  @TempDir
  Path temp;

  private Path storeDir;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(fake);
    server.start();
    storeDir = temp.resolve("latchkey");
  }

  @AfterEach
  void stop() throws IOException {
    for (LatchkeyClient c : clients) {
      c.close();
    }
    server.close();
  }

  private LatchkeyClient newClient() {
    TokenScheme scheme =
        TokenTestSupport.xandr().sessionStore(FileSessionStore.open(storeDir)).build();
    LatchkeyClient c = TokenTestSupport.client(server.url("/").toString(), clock, scheme, events);
    synchronized (clients) {
      clients.add(c);
    }
    return c;
  }

  private List<Path> storeFiles(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(storeDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }
  }

  @Test
  void twoClientsSharingADirectoryLogInOnce() throws IOException {
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertEquals(1, fake.logins.get());
    assertEquals(1, count(events, AuthEvent.Type.LOGIN));
    assertTrue(events.stream()
        .anyMatch(e -> e.type() == AuthEvent.Type.NOTICE && e.detail().contains("adopted")));
  }

  @Test
  void directoryAndFilesArePrivateAndHoldNoPassword() throws IOException {
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storeDir)));
    List<Path> data = storeFiles(".json");
    assertEquals(1, data.size(), "one file per API and user");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.get(0))));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(storeFiles(".lock").get(0))));
    String content = Files.readString(data.get(0));
    assertFalse(content.contains(TokenTestSupport.PASSWORD));
    assertFalse(data.get(0).getFileName().toString().contains("alice"), "user name is hashed");
    assertTrue(content.contains("tok1"));
  }

  @Test
  void directoryOthersCanReadIsRefused() throws IOException {
    Files.createDirectories(storeDir);
    Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    LatchkeyConfigException e =
        assertThrows(LatchkeyConfigException.class, () -> FileSessionStore.open(storeDir));
    assertTrue(e.getMessage().contains("chmod 700"), e.getMessage());
    Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwx---rw-"));
    assertThrows(LatchkeyConfigException.class, () -> FileSessionStore.open(storeDir));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"format\":\"latchkey-session-store/1\",\"session\":{\"tok",
        "garbage\u0000\u0001",
        "{\"format\":\"someone-else\",\"session\":{}}",
        "{\"format\":\"latchkey-session-store/1\",\"session\":{\"token\":7}}",
        ""
      })
  void unreadableFileIsReplacedWithOneNewLogin(String content) throws IOException {
    assertTrue(get(newClient(), "member").startsWith("200"));
    Path file = storeFiles(".json").get(0);
    Files.writeString(file, content, StandardCharsets.ISO_8859_1);
    events.clear();

    // Issue 14: the logins the file held are unknown, so it must not reset the login window:
    // no login for one window (a typed failure naming when), then exactly one.
    LoginThrottledException throttled =
        assertThrows(LoginThrottledException.class, () -> get(newClient(), "member"));
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), throttled.nextLoginAllowed());
    assertEquals(1, fake.logins.get());
    clock.advance(Duration.ofMinutes(5));
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertEquals(2, fake.logins.get(), "one new login after the unreadable file");
    assertTrue(events.stream()
        .anyMatch(e -> e.type() == AuthEvent.Type.NOTICE && e.detail().contains("unreadable")));
    assertTrue(Files.readString(file).contains("tok2"), "the file was replaced");
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertEquals(2, fake.logins.get());
  }

  @Test
  void afterTheHardLifetimeExactlyOneMoreLogin() throws IOException {
    assertTrue(get(newClient(), "member").startsWith("200"));
    clock.advance(Duration.ofHours(1));
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertEquals(1, fake.logins.get());
    clock.advance(Duration.ofHours(24));
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertEquals(2, fake.logins.get());
  }

  @Test
  void aSessionRefusedInOneClientIsNotAdoptedByTheNext() throws IOException {
    assertTrue(get(newClient(), "member").startsWith("200"));
    fake.valid.clear(); // the server ends session 1
    LatchkeyClient second = newClient();
    assertTrue(get(second, "member").startsWith("200")); // adopts 1, refused, logs in once
    assertEquals(2, fake.logins.get());
    assertTrue(get(newClient(), "member").startsWith("200"));
    assertEquals(2, fake.logins.get(), "the third client adopts generation 2");
  }

  @Test
  void theLoginBudgetCountsEveryClientOfTheStore() throws IOException {
    for (int i = 0; i < 3; i++) {
      fake.valid.clear();
      get(newClient(), "member");
    }
    assertEquals(3, fake.logins.get(), "each client adopted, was refused, and logged in once");
    for (int i = 0; i < 12; i++) {
      fake.valid.clear();
      try {
        get(newClient(), "member");
      } catch (IOException expectedOnceSpent) {
        // LoginThrottledException once the shared window is full
      }
    }
    assertEquals(10, fake.logins.get(), "never more than 10 logins in the window, across clients");
  }

  @Test
  void fourThreadsEachWithItsOwnClientAndStoreLogInOnce() throws Exception {
    int n = 4;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CyclicBarrier together = new CyclicBarrier(n);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(pool.submit(() -> {
          LatchkeyClient c = newClient();
          together.await(30, TimeUnit.SECONDS);
          return get(c, "member");
        }));
      }
      for (Future<String> r : results) {
        assertTrue(r.get(60, TimeUnit.SECONDS).startsWith("200"));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, fake.logins.get());
  }
}
