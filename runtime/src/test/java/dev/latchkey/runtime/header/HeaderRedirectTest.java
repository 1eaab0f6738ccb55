package dev.latchkey.runtime.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credential-bearing headers must not follow a redirect to another origin. OkHttp alone would
 * strip only {@code Authorization}; the API key, account and session key would go along.
 */
class HeaderRedirectTest {
  private static final List<String> GUARDED =
      List.of("MediaSiloHostContext", "MediaSiloApiKey", "MediaSiloSessionKey", "Authorization");

  private final MockWebServer origin = new MockWebServer();
  private final MockWebServer otherPort = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    origin.start(InetAddress.getByName("127.0.0.1"), 0);
    otherPort.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    // Servers first: the client's closing DELETE then fails at once (ignored) instead of waiting
    // for a scripted answer that was never enqueued.
    origin.close();
    otherPort.close();
    if (client != null) {
      client.close();
    }
  }

  private HttpUrl base() {
    // A literal address, so that "localhost" on the same port is another host (same server).
    return new HttpUrl.Builder()
        .scheme("http")
        .host("127.0.0.1")
        .port(origin.getPort())
        .addPathSegment("v3")
        .addPathSegment("")
        .build();
  }

  private static MockResponse redirectTo(HttpUrl target) {
    return new MockResponse.Builder()
        .code(302)
        .addHeader("Location", target.toString())
        .build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("{}").build();
  }

  private static void assertCarriesCredentials(RecordedRequest request, String... names) {
    for (String name : names) {
      assertNotNull(
          request.getHeaders().get(name), name + " missing on " + request.getRequestLine());
    }
  }

  private static void assertNoCredentials(RecordedRequest request) {
    for (String name : GUARDED) {
      assertNull(
          request.getHeaders().get(name), name + " followed the redirect to " + request.getUrl());
    }
  }

  @Test
  void sessionHeadersDoNotFollowARedirectToAnotherHostOnTheSamePort() throws Exception {
    client = Fixtures.client(Fixtures.mediaSilo().build(), base(), clock, new RecordingListener());
    HttpUrl elsewhere = new HttpUrl.Builder()
        .scheme("http")
        .host("localhost")
        .port(origin.getPort())
        .addPathSegment("elsewhere")
        .build();
    origin.enqueue(
        new MockResponse.Builder().code(200).body("{\"id\":\"key-1\"}").build());
    origin.enqueue(redirectTo(elsewhere));
    origin.enqueue(ok());

    assertEquals(200, Fixtures.get(client, "me"));

    assertEquals("/v3/session", origin.takeRequest().getUrl().encodedPath());
    assertCarriesCredentials(
        origin.takeRequest(), "MediaSiloHostContext", "MediaSiloApiKey", "MediaSiloSessionKey");
    RecordedRequest followed = origin.takeRequest();
    assertEquals("localhost", followed.getHeaders().get("Host").split(":")[0]);
    assertNoCredentials(followed);
  }

  @Test
  void basicHeadersDoNotFollowARedirectToAnotherPort() throws Exception {
    HeaderScheme basic = Fixtures.mediaSilo().mode(HeaderAuthMode.BASIC).build();
    client = Fixtures.client(basic, base(), clock, new RecordingListener());
    origin.enqueue(redirectTo(otherPort.url("/landing")));
    otherPort.enqueue(ok());

    assertEquals(200, Fixtures.get(client, "me"));

    assertCarriesCredentials(
        origin.takeRequest(), "MediaSiloHostContext", "MediaSiloApiKey", "Authorization");
    assertNoCredentials(otherPort.takeRequest());
  }

  @Test
  void sessionHeadersDoNotFollowARedirectToAnotherPort() throws Exception {
    client = Fixtures.client(Fixtures.mediaSilo().build(), base(), clock, new RecordingListener());
    origin.enqueue(
        new MockResponse.Builder().code(200).body("{\"id\":\"key-1\"}").build());
    origin.enqueue(redirectTo(otherPort.url("/landing")));
    otherPort.enqueue(ok());

    assertEquals(200, Fixtures.get(client, "me"));

    origin.takeRequest();
    assertCarriesCredentials(origin.takeRequest(), "MediaSiloSessionKey");
    assertNoCredentials(otherPort.takeRequest());
  }

  @Test
  void aRedirectWithinTheOriginKeepsTheHeaders() throws Exception {
    client = Fixtures.client(Fixtures.mediaSilo().build(), base(), clock, new RecordingListener());
    origin.enqueue(
        new MockResponse.Builder().code(200).body("{\"id\":\"key-1\"}").build());
    origin.enqueue(redirectTo(base().resolve("me/")));
    origin.enqueue(ok());

    assertEquals(200, Fixtures.get(client, "me"));

    origin.takeRequest();
    origin.takeRequest();
    assertCarriesCredentials(
        origin.takeRequest(), "MediaSiloHostContext", "MediaSiloApiKey", "MediaSiloSessionKey");
  }

  @Test
  void aRejectionFromTheRedirectTargetIsNotOurs() throws Exception {
    client = Fixtures.client(Fixtures.mediaSilo().build(), base(), clock, new RecordingListener());
    origin.enqueue(
        new MockResponse.Builder().code(200).body("{\"id\":\"key-1\"}").build());
    origin.enqueue(redirectTo(otherPort.url("/landing")));
    otherPort.enqueue(new MockResponse.Builder().code(403).build());

    // Passed through as an ordinary answer: no new session, no replay to the foreign host.
    assertEquals(403, Fixtures.get(client, "me"));
    assertEquals(2, origin.getRequestCount());
    assertEquals(1, otherPort.getRequestCount());
  }

  @Test
  void aNetworkLoggerAddedBeforeUsSeesTheStrippedHop() throws Exception {
    List<okhttp3.Request> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    client = LatchkeyClient.builder("MediaSiloApi")
        .baseUrl(base().toString())
        .auth(Fixtures.mediaSilo().mode(HeaderAuthMode.BASIC).build())
        .clock(clock)
        .customize(b -> b.addNetworkInterceptor(chain -> {
          seen.add(chain.request());
          return chain.proceed(chain.request());
        }))
        .build();
    origin.enqueue(redirectTo(otherPort.url("/landing")));
    otherPort.enqueue(ok());

    assertEquals(200, Fixtures.get(client, "me"));

    assertEquals(2, seen.size());
    assertNotNull(seen.get(0).header("MediaSiloApiKey"));
    for (String name : GUARDED) {
      assertNull(seen.get(1).header(name), name + " reached the network log of the foreign hop");
    }
  }
}
