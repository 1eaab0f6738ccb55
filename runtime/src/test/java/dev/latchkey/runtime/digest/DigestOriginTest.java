package dev.latchkey.runtime.digest;

import static dev.latchkey.runtime.digest.DigestTestSupport.challenge;
import static dev.latchkey.runtime.digest.DigestTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestTestSupport.Events;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Url;

/**
 * The origin rule for digest (issue 14, defects 1 and 3): only the base URL's origin and origins
 * added with {@code addOrigin} get a digest answer. Another origin, reached by a Retrofit
 * {@code @Url}, by a direct {@code okHttpClient()} call or by a redirect, that answers {@code 401
 * Digest realm="evil", nonce="chosen"} gets nothing it could attack offline, and its 401 is handed
 * to the caller untouched: no challenge cached, no rejection, no exception.
 */
class DigestOriginTest {
  private static final String EVIL = "realm=\"evil\", nonce=\"chosen\", qop=\"auth\"";

  private final MockWebServer ours = new MockWebServer();
  private final MockWebServer evil = new MockWebServer();
  private final List<RecordedRequest> evilSaw = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> oursSaw = new CopyOnWriteArrayList<>();
  private final Events events = new Events();
  private LatchkeyClient client;

  /** A "next" link from a server answer, followed through the generated interface. */
  interface Paged {
    @GET
    Call<ResponseBody> next(@Url String url);
  }

  @BeforeEach
  void start() throws IOException {
    ours.start(InetAddress.getByName("127.0.0.1"), 0);
    evil.start(InetAddress.getByName("127.0.0.1"), 0);
    evil.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        evilSaw.add(request);
        return challenge(EVIL);
      }
    });
    ours.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().host().equals("localhost")) {
          evilSaw.add(request); // the same server under another name: another origin
          return challenge(EVIL);
        }
        oursSaw.add(request);
        if (request.getUrl().encodedPath().equals("/jump")) {
          return new MockResponse.Builder()
              .code(302)
              .addHeader("Location", evilUrl("/page2").toString())
              .build();
        }
        if (request.getUrl().encodedPath().equals("/hop")) {
          HttpUrl samePort = request
              .getUrl()
              .newBuilder()
              .host("localhost")
              .encodedPath("/page2")
              .build();
          return new MockResponse.Builder()
              .code(302)
              .addHeader("Location", samePort.toString())
              .build();
        }
        if (request.getHeaders().get("Authorization") == null) {
          return challenge("realm=\"ours\", nonce=\"n1\", qop=\"auth\"");
        }
        return ok("fine");
      }
    });
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    ours.close();
    evil.close();
  }

  private LatchkeyClient build(LatchkeyClient.Builder builder) {
    client = builder
        .auth(DigestScheme.builder()
            .credentials(() -> new UserPassword("robot", "digest-Pa55word"))
            .build())
        .clock(Clock.systemUTC())
        .eventListener(events.all::add)
        .build();
    return client;
  }

  private LatchkeyClient.Builder builder() {
    return LatchkeyClient.builder("DigestOriginTest")
        .baseUrl(ours.url("/api/").newBuilder().host("127.0.0.1").build().toString());
  }

  /** The other server under another host name: a different origin even on a shared address. */
  private HttpUrl evilUrl(String path) {
    return evil.url(path).newBuilder().host("localhost").build();
  }

  private int direct(HttpUrl url) throws IOException {
    try (Response response =
        client.okHttpClient().newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }

  private void assertNothingClaimed() {
    for (RecordedRequest request : evilSaw) {
      assertNull(
          request.getHeaders().get("Authorization"), "a digest answer went to " + evilUrl(""));
    }
    for (AuthEvent event : events.all) {
      assertFalse(
          event.host().startsWith("localhost"),
          "an event claims the other origin's 401 as ours: " + event);
      assertFalse(String.valueOf(event.detail()).contains("evil"), "event: " + event);
    }
  }

  @Test
  void retrofitUrlToAnotherOriginGetsNoAuthorization() throws IOException {
    build(builder());
    retrofit2.Response<ResponseBody> response =
        client.create(Paged.class).next(evilUrl("/page2").toString()).execute();
    assertEquals(401, response.code(), "the other origin's 401 is handed back untouched");
    assertEquals("Digest " + EVIL, response.headers().get("WWW-Authenticate"));
    response.errorBody().close();
    assertEquals(1, evilSaw.size(), "no second, signed request");
    assertEquals(0, oursSaw.size());
    assertNothingClaimed();
  }

  @Test
  void directCallToAnotherOriginGetsNoAuthorizationEvenWithAWarmNonce() throws IOException {
    build(builder());
    assertEquals(200, direct(client.baseUrl().resolve("a")), "warm the nonce of our origin");
    assertEquals(401, direct(evilUrl("/page2")));
    assertEquals(401, direct(evilUrl("/page3")));
    assertEquals(2, evilSaw.size());
    assertNothingClaimed();
  }

  @Test
  void aRedirectToAnotherOriginThatAnswers401IsNotOurChallenge() throws IOException {
    build(builder());
    // cold: the unsigned first request is redirected, the other origin challenges
    assertEquals(401, direct(client.baseUrl().resolve("/jump")));
    // warm: the signed request is redirected, the other origin refuses
    assertEquals(200, direct(client.baseUrl().resolve("a")));
    int before = oursSaw.size();
    assertEquals(401, direct(client.baseUrl().resolve("/jump")));
    assertEquals(1, oursSaw.size() - before, "one signed hop to us, no retry for their 401");
    assertNotNull(
        oursSaw.get(oursSaw.size() - 1).getHeaders().get("Authorization"),
        "the hop before the redirect was signed: this proves the guard, not a cold client");
    assertEquals(0, events.count(AuthEvent.Type.REJECTED), "their 401 is no rejection of ours");
    assertEquals(1, events.count(AuthEvent.Type.CHALLENGE), "only our own challenge was read");
    assertEquals(2, evilSaw.size());
    assertNothingClaimed();
    // our nonce is intact: the next call to us is one exchange
    before = oursSaw.size();
    assertEquals(200, direct(client.baseUrl().resolve("b")));
    assertEquals(1, oursSaw.size() - before);
  }

  /** Another host on the same port is another origin too (RFC 6454). */
  @Test
  void aRedirectToAnotherHostOnTheSamePortThatAnswers401IsNotOurChallenge() throws IOException {
    build(builder());
    assertEquals(401, direct(client.baseUrl().resolve("/hop")), "cold");
    assertEquals(200, direct(client.baseUrl().resolve("a")));
    assertEquals(401, direct(client.baseUrl().resolve("/hop")), "warm");
    assertEquals(2, evilSaw.size());
    assertEquals(0, events.count(AuthEvent.Type.REJECTED));
    assertNothingClaimed();
    assertEquals(
        401,
        direct(evilUrl("/direct").newBuilder().port(ours.getPort()).build()),
        "a direct call to the same port under another name");
    assertEquals(3, evilSaw.size());
    assertNothingClaimed();
  }

  @Test
  void anAddedOriginIsSigned() throws IOException {
    evil.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        evilSaw.add(request);
        return request.getHeaders().get("Authorization") == null
            ? challenge("realm=\"second\", nonce=\"n2\", qop=\"auth\"")
            : ok("second");
      }
    });
    build(builder().addOrigin(evilUrl("/").toString()));
    assertEquals(200, direct(evilUrl("/page2")));
    assertEquals(2, evilSaw.size());
    assertNotNull(evilSaw.get(1).getHeaders().get("Authorization"));
  }

  /**
   * Proxy digest is about the proxy, not the origin: its credentials go on every request through
   * the proxy, whatever the target, so the origin guard does not apply to it.
   */
  @Test
  void proxyModeStillSignsForAnyTarget() throws Exception {
    MockWebServer proxy = ours;
    List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    proxy.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        seen.add(request);
        return request.getHeaders().get("Proxy-Authorization") == null
            ? new MockResponse.Builder()
                .code(407)
                .addHeader("Proxy-Authenticate", "Digest realm=\"p\", nonce=\"pn\", qop=\"auth\"")
                .build()
            : ok("through");
      }
    });
    OkHttpClient viaProxy =
        new OkHttpClient.Builder().proxy(proxy.getProxyAddress()).build();
    client = LatchkeyClient.builder("DigestOriginTest")
        .baseUrl("http://origin.test/")
        .okHttpClient(viaProxy)
        .auth(DigestScheme.builder()
            .proxy(true)
            .credentials(() -> new UserPassword("robot", "digest-Pa55word"))
            .build())
        .build();
    assertEquals(200, direct(HttpUrl.get("http://elsewhere.test/x")));
    assertEquals(2, seen.size());
    assertNotNull(seen.get(1).getHeaders().get("Proxy-Authorization"));
    assertNull(seen.get(1).getHeaders().get("Authorization"));
    viaProxy.dispatcher().executorService().shutdown();
  }
}
