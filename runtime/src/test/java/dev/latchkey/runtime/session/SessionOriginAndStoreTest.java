package dev.latchkey.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.store.InMemorySessionStore;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The origin rule and the store keys (issue 14, defects 2, 3 and 4), for every session kind. */
class SessionOriginAndStoreTest {
  private final MockWebServer a = new MockWebServer();
  private final MockWebServer b = new MockWebServer();
  private final List<LatchkeyClient> clients = new ArrayList<>();
  private final List<AuthEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (LatchkeyClient client : clients) {
      client.close();
    }
    a.close();
    b.close();
  }

  private LatchkeyClient client(MockWebServer server, dev.latchkey.runtime.AuthScheme scheme) {
    LatchkeyClient client = LatchkeyClient.builder("SameName")
        .baseUrl(base(server).toString())
        .auth(scheme)
        .eventListener(events::add)
        .build();
    clients.add(client);
    return client;
  }

  private static HttpUrl base(MockWebServer server) {
    return server.url("/api/").newBuilder().host("127.0.0.1").build();
  }

  private static int get(LatchkeyClient client, String path) throws IOException {
    try (Response response = client
        .okHttpClient()
        .newCall(new Request.Builder().url(client.baseUrl().resolve(path)).build())
        .execute()) {
      return response.code();
    }
  }

  /** Defect 2: two base URLs sharing a store (same client name, same user) never see each other's token. */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"TOKEN", "HEADER_SESSION"})
  void twoBaseUrlsSharingAStoreNeverSeeEachOthersToken(Kind kind) throws IOException {
    FakeSessionApi production = new FakeSessionApi("prod");
    FakeSessionApi staging = new FakeSessionApi("staging");
    a.setDispatcher(production);
    b.setDispatcher(staging);
    a.start(InetAddress.getByName("127.0.0.1"), 0);
    b.start(InetAddress.getByName("127.0.0.1"), 0);
    InMemorySessionStore store = new InMemorySessionStore();
    UserPassword alice = new UserPassword(FakeSessionApi.USER, FakeSessionApi.PASSWORD);
    assertEquals(200, get(client(a, kind.scheme(() -> alice, store)), "me"));
    assertEquals(200, get(client(b, kind.scheme(() -> alice, store)), "me"));
    for (RecordedRequest request : staging.requests) {
      String sent = request.getHeaders().get(kind.carrier());
      assertFalse(sent != null && sent.startsWith("prod"), "staging received production's token");
    }
    assertEquals(1, staging.logins.get(), "staging logs in for itself");
  }

  /**
   * Defect 3: a 401 from another origin (a CDN after a redirect) goes to the caller untouched: no
   * login, no invalidation of the shared session, no rejection event.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void anUnauthorizedFromAnotherOriginCostsNoLoginAndKeepsTheSession(Kind kind) throws Exception {
    FakeSessionApi api = new FakeSessionApi("tok");
    b.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder()
            .code(401)
            .addHeader("WWW-Authenticate", "Bearer")
            .body("cdn says no")
            .build();
      }
    });
    b.start(InetAddress.getByName("127.0.0.1"), 0);
    HttpUrl cdn = b.url("/asset").newBuilder().host("127.0.0.1").build();
    a.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().endsWith("/download")) {
          return new MockResponse.Builder()
              .code(302)
              .addHeader("Location", cdn.toString())
              .build();
        }
        return api.dispatch(request);
      }
    });
    a.start(InetAddress.getByName("127.0.0.1"), 0);
    InMemorySessionStore store = kind.logsIn() ? new InMemorySessionStore() : null;
    LatchkeyClient client = client(
        a,
        kind.scheme(() -> new UserPassword(FakeSessionApi.USER, FakeSessionApi.PASSWORD), store));
    assertEquals(200, get(client, "me"));
    assertEquals(401, get(client, "download"), "the CDN's answer reaches the caller as it is");
    assertEquals(401, get(client, "download"));
    assertEquals(200, get(client, "me"));
    assertEquals(kind.logsIn() ? 1 : 0, api.loginAttempts.get(), "a foreign 401 cost a login");
    assertEquals(
        0, events.stream().filter(e -> e.type() == AuthEvent.Type.REJECTED).count());
    for (RecordedRequest request : List.of(b.takeRequest(), b.takeRequest())) {
      assertNull(request.getHeaders().get(kind.carrier()), "credentials followed to the CDN");
      assertNull(request.getHeaders().get("MediaSiloApiKey"));
    }
  }

  /**
   * Defect 4: the shared login budget is spent only once the local checks passed. Three clients
   * (processes, in production) with a wrong password call many times; a fourth with the right one
   * sharing the store logs in at once.
   */
  @Test
  void wrongPasswordsElsewhereDoNotSpendTheSharedBudget() throws IOException {
    FakeSessionApi api = new FakeSessionApi("tok");
    a.setDispatcher(api);
    a.start(InetAddress.getByName("127.0.0.1"), 0);
    InMemorySessionStore store = new InMemorySessionStore();
    for (int process = 0; process < 3; process++) {
      LatchkeyClient wrong = client(
          a, Kind.TOKEN.scheme(() -> new UserPassword(FakeSessionApi.USER, "old-password"), store));
      for (int call = 0; call < 5; call++) {
        assertThrows(AuthenticationFailedException.class, () -> get(wrong, "me"));
      }
    }
    assertEquals(3, api.loginAttempts.get(), "one refused login per client, then fail fast");
    LatchkeyClient right = client(
        a,
        Kind.TOKEN.scheme(
            () -> new UserPassword(FakeSessionApi.USER, FakeSessionApi.PASSWORD), store));
    assertEquals(200, get(right, "me"));
    assertEquals(1, api.logins.get());
  }

  /**
   * A session another client of the store kept alive is adopted by a client whose own copy sat
   * idle too long: the store's last use counts, not this client's (found by the MediaSilo fleet test).
   */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"TOKEN", "HEADER_SESSION"})
  void aSessionAnotherClientKeptAliveIsAdoptedNotReplaced(Kind kind) throws IOException {
    FakeSessionApi api = new FakeSessionApi("tok");
    a.setDispatcher(api);
    a.start(InetAddress.getByName("127.0.0.1"), 0);
    InMemorySessionStore store = new InMemorySessionStore();
    dev.latchkey.runtime.MutableClock clock =
        new dev.latchkey.runtime.MutableClock(java.time.Instant.parse("2026-05-01T08:00:00Z"));
    UserPassword alice = new UserPassword(FakeSessionApi.USER, FakeSessionApi.PASSWORD);
    List<LatchkeyClient> fleet = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      LatchkeyClient client = LatchkeyClient.builder("SameName")
          .baseUrl(base(a).toString())
          .auth(kind.scheme(() -> alice, store))
          .clock(clock)
          .build();
      clients.add(client);
      fleet.add(client);
      assertEquals(200, get(client, "me"));
    }
    java.time.Duration step =
        kind == Kind.TOKEN ? java.time.Duration.ofMinutes(80) : java.time.Duration.ofMinutes(40);
    for (int i = 0; i < 3; i++) {
      clock.advance(step);
      assertEquals(200, get(fleet.get(0), "me"));
    }
    assertEquals(200, get(fleet.get(1), "me"));
    assertEquals(1, api.logins.get(), "the idle client replaced the fleet's live session");
  }

  /** Calls to another origin, made directly, carry nothing and cost no login. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void directCallsToAnotherOriginCarryNothing(Kind kind) throws Exception {
    FakeSessionApi api = new FakeSessionApi("tok");
    FakeSessionApi other = new FakeSessionApi("other");
    a.setDispatcher(api);
    b.setDispatcher(other);
    a.start(InetAddress.getByName("127.0.0.1"), 0);
    b.start(InetAddress.getByName("127.0.0.1"), 0);
    LatchkeyClient client = client(a, kind.scheme());
    try (Response response = client
        .okHttpClient()
        .newCall(new Request.Builder().url(base(b).resolve("me")).build())
        .execute()) {
      assertEquals(401, response.code());
    }
    assertEquals(0, a.getRequestCount(), "a call elsewhere made a login");
    RecordedRequest sent = b.takeRequest();
    assertNull(sent.getHeaders().get(kind.carrier()));
    assertNull(sent.getHeaders().get("MediaSiloApiKey"));
    assertNull(sent.getHeaders().get("MediaSiloHostContext"));
  }
}
