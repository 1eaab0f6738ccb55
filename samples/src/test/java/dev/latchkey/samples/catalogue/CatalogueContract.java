package dev.latchkey.samples.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.sim.SimClock;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * The four promises every catalogue API is tested for (issue 18), against its scripted server:
 * one login for 200 calls on 8 threads; a re-login on the documented expiry signal with no failed
 * call; logout on close where the API has one; a wrong password as a typed failure after at most
 * one login attempt. Each vendor's test says how to build its client, how to make one call, and
 * what its expiry signal is.
 */
abstract class CatalogueContract<C extends Closeable> {
  static final int CALLS = 200;
  static final int THREADS = 8;

  final SimClock clock = new SimClock(Instant.parse("2026-03-02T08:00:00Z"));
  final MockWebServer web = new MockWebServer();
  VendorServer vendor;
  private final List<C> clients = new ArrayList<>();

  /** The vendor's scripted server. */
  abstract VendorServer newVendor();

  /** The generated client for {@code baseUrl}, with the test clock and these credentials. */
  abstract C build(String baseUrl, Supplier<UserPassword> credentials);

  /** Call number {@code i}; returns the answer (the test checks it is a success). */
  abstract Response<?> call(C client, int i) throws IOException;

  /** Whether the vendor documents a logout call. */
  abstract boolean hasLogout();

  /** Logins a healthy session costs: 1, or 0 for an API without a login (Basic, a bearer key). */
  int loginsPerSession() {
    return 1;
  }

  /** The documented expiry signal; by default the server kills every token (its 401 follows). */
  void sendExpirySignal() {
    vendor.expireAll();
  }

  @BeforeEach
  void start() throws IOException {
    vendor = newVendor();
    vendor.clock = clock;
    web.setDispatcher(vendor);
    web.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    for (C client : clients) {
      client.close();
    }
    web.close();
  }

  C client(String password) {
    C client = build(web.url("/").toString(), () -> new UserPassword(VendorServer.USER, password));
    clients.add(client);
    return client;
  }

  @Test
  void oneLoginServesTwoHundredCallsOnEightThreads() throws Exception {
    C client = client(VendorServer.PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Response<?>>> answers = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        int n = i;
        answers.add(pool.submit(() -> call(client, n)));
      }
      for (Future<Response<?>> answer : answers) {
        Response<?> response = answer.get(30, TimeUnit.SECONDS);
        assertTrue(response.isSuccessful(), "HTTP " + response.code());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(loginsPerSession(), vendor.logins.get(), "logins");
    assertEquals(List.of(), vendor.malformed);
  }

  @Test
  void logsInAgainOnTheExpirySignalWithoutAFailedCall() throws IOException {
    C client = client(VendorServer.PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertTrue(call(client, i).isSuccessful());
    }
    sendExpirySignal();
    for (int i = 5; i < 25; i++) {
      Response<?> response = call(client, i);
      assertTrue(response.isSuccessful(), "call " + i + ": HTTP " + response.code());
    }
    assertEquals(2 * loginsPerSession(), vendor.logins.get(), "logins");
    assertEquals(List.of(), vendor.malformed);
  }

  @Test
  void closeLogsOutWhereTheApiHasALogout() throws IOException {
    C client = client(VendorServer.PASSWORD);
    assertTrue(call(client, 0).isSuccessful());
    List<String> liveBefore = new ArrayList<>(vendor.live.keySet());
    client.close();
    client.close(); // a second close does nothing
    if (hasLogout()) {
      assertEquals(liveBefore, vendor.loggedOut, "the session's own token, once");
      assertTrue(vendor.live.isEmpty(), "no token left alive");
    } else {
      assertEquals(List.of(), vendor.loggedOut);
      assertEquals(liveBefore, new ArrayList<>(vendor.live.keySet()));
    }
    assertEquals(List.of(), vendor.malformed);
  }

  @Test
  void aWrongPasswordFailsTypedAfterAtMostOneLoginAttempt() {
    C client = client("wrong-" + VendorServer.PASSWORD);
    assertThrows(AuthenticationFailedException.class, () -> call(client, 0));
    assertThrows(AuthenticationFailedException.class, () -> call(client, 1));
    assertTrue(vendor.loginAttempts.get() <= 1, "login attempts: " + vendor.loginAttempts.get());
    assertEquals(0, vendor.logins.get());
    assertEquals(List.of(), vendor.malformed);
  }
}
