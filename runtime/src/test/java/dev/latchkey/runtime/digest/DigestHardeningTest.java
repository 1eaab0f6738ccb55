package dev.latchkey.runtime.digest;

import static dev.latchkey.runtime.digest.DigestTestSupport.authParams;
import static dev.latchkey.runtime.digest.DigestTestSupport.challenge;
import static dev.latchkey.runtime.digest.DigestTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UnexpectedAnswerException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestTestSupport.Events;
import dev.latchkey.runtime.http.ServerText;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The digest items of issue 14, defect 9: bounded messages from a long realm, {@code stale=true}
 * on the final refusal, and mutual authentication that really is required when asked for.
 */
class DigestHardeningTest {
  private static final String PASSWORD = "digest-Pa55word";
  /** The longest message these cases may make: the quoted server text and our own words. */
  private static final int MAX_MESSAGE = ServerText.MAX_CHARS + 400;

  private final MockWebServer server = new MockWebServer();
  private final Events events = new Events();
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private void use(DigestScheme.Builder scheme) {
    client = DigestTestSupport.client(
        server.url("/").toString(),
        scheme.credentials(() -> new UserPassword("robot", PASSWORD)).build(),
        Clock.systemUTC(),
        events,
        null);
  }

  private String get(String path) throws IOException {
    try (Response response = client
        .okHttpClient()
        .newCall(new Request.Builder().url(server.url(path)).build())
        .execute()) {
      return response.code() + " " + response.body().string();
    }
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private void assertBounded(Exception e) {
    assertTrue(
        e.getMessage().length() <= MAX_MESSAGE,
        "a " + e.getMessage().length() + "-character message");
    for (AuthEvent event : events.all) {
      assertTrue(
          String.valueOf(event.detail()).length() <= MAX_MESSAGE,
          "a " + event.detail().length() + "-character event detail: " + event.type());
    }
  }

  @Test
  void aFifteenKilobyteRealmMakesNoFifteenKilobyteMessage() {
    String realm = "r".repeat(15_000);
    use(DigestScheme.builder().realm("mine"));
    server.enqueue(challenge("realm=\"" + realm + "\", nonce=\"n1\", qop=\"auth\""));
    UnexpectedAnswerException mismatch =
        assertThrows(UnexpectedAnswerException.class, () -> get("/a"));
    assertBounded(mismatch);
    assertTrue(mismatch.getMessage().contains("15000 chars"), mismatch.getMessage());
  }

  @Test
  void aRefusedPasswordUnderALongRealmIsABoundedMessageAndEvent() {
    String realm = "r".repeat(15_000);
    use(DigestScheme.builder());
    server.enqueue(challenge("realm=\"" + realm + "\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(challenge("realm=\"" + realm + "\", nonce=\"n2\", qop=\"auth\""));
    AuthenticationFailedException refused =
        assertThrows(AuthenticationFailedException.class, () -> get("/a"));
    assertBounded(refused);
    assertTrue(events.count(AuthEvent.Type.CHALLENGE) >= 1);
  }

  @Test
  void staleOnTheFinalRefusalIsNoWrongPasswordAndItsNonceServesTheNextCall() throws Exception {
    use(DigestScheme.builder());
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(challenge("realm=\"r\", nonce=\"n2\", qop=\"auth\", stale=true"));
    server.enqueue(ok("fine"));
    UnexpectedAnswerException stale = assertThrows(
        UnexpectedAnswerException.class,
        () -> get("/a"),
        "stale=true says the password was right: not a wrong password");
    assertTrue(stale.getMessage().contains("stale"), stale.getMessage());
    assertFalse(stale.getMessage().contains(PASSWORD));
    assertEquals(2, server.getRequestCount(), "one replay per call, as before");
    assertEquals("200 fine", get("/b"));
    assertEquals(3, server.getRequestCount(), "the next call is one exchange with the new nonce");
    take();
    take();
    assertEquals("n2", authParams(take().getHeaders().get("Authorization")).get("nonce"));
  }

  @Test
  void withoutStaleTheFinalRefusalStaysAWrongPassword() {
    use(DigestScheme.builder());
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(challenge("realm=\"r\", nonce=\"n2\", qop=\"auth\""));
    assertThrows(AuthenticationFailedException.class, () -> get("/a"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void mutualAuthFailsTypedWhenTheServerGivesNoProof() {
    use(DigestScheme.builder().mutualAuth(true));
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(ok("trust me"));
    UnexpectedAnswerException unproven =
        assertThrows(UnexpectedAnswerException.class, () -> get("/a"));
    assertTrue(unproven.getMessage().contains("mutual authentication"), unproven.getMessage());
  }

  @Test
  void mutualAuthFailsTypedWhenAuthenticationInfoHasNoRspauth() {
    use(DigestScheme.builder().mutualAuth(true));
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Authentication-Info", "nextnonce=\"n2\"")
        .body("trust me")
        .build());
    assertThrows(UnexpectedAnswerException.class, () -> get("/a"));
  }

  @Test
  void mutualAuthAcceptsAMatchingProof() throws Exception {
    use(DigestScheme.builder().mutualAuth(true).cnonceSource(() -> "c1"));
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader(
            "Authentication-Info",
            "qop=auth, nc=00000001, cnonce=\"c1\", rspauth=\"" + rspauth("/a") + "\"")
        .body("proven")
        .build());
    assertEquals("200 proven", get("/a"));
  }

  @Test
  void withoutMutualAuthAMissingProofIsAccepted() throws IOException {
    use(DigestScheme.builder());
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(ok("fine"));
    assertEquals("200 fine", get("/a"));
  }

  /** The server's proof (RFC 7616 section 3.5: HA2 without the method) for user robot. */
  private static String rspauth(String uri) {
    String ha1 = DigestCalculator.hash(
        DigestAlgorithm.MD5,
        ("robot:r:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String ha2 = DigestCalculator.ha2(DigestAlgorithm.MD5, "", uri, null);
    return DigestCalculator.response(DigestAlgorithm.MD5, ha1, "n1", "00000001", "c1", "auth", ha2);
  }

  /**
   * Redaction by construction (issue 14, defect 7) for digest too: a server that echoes the
   * password into a realm finds it masked in the refusal's message and events, with no setup.
   */
  @Test
  void aRealmEchoingThePasswordNeverGetsItIntoAMessageOrAnEvent() {
    use(DigestScheme.builder());
    String realm = "you sent " + PASSWORD;
    server.enqueue(challenge("realm=\"" + realm + "\", nonce=\"n1\", qop=\"auth\""));
    server.enqueue(challenge("realm=\"" + realm + "\", nonce=\"n2\", qop=\"auth\""));
    AuthenticationFailedException refused =
        assertThrows(AuthenticationFailedException.class, () -> get("/a"));
    assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
    for (AuthEvent event : events.all) {
      assertFalse(String.valueOf(event.detail()).contains(PASSWORD), event.toString());
    }
    assertTrue(client.redactor().text("x " + PASSWORD).endsWith("██"));
  }

  /** One credential path: a supplier returning null is a configuration error, for digest too. */
  @Test
  void aNullCredentialsSupplierIsAConfigurationError() {
    client = DigestTestSupport.client(
        server.url("/").toString(),
        DigestScheme.builder().credentials(() -> null).build(),
        Clock.systemUTC(),
        events,
        null);
    server.enqueue(challenge("realm=\"r\", nonce=\"n1\", qop=\"auth\""));
    dev.latchkey.runtime.LatchkeyConfigException e =
        assertThrows(dev.latchkey.runtime.LatchkeyConfigException.class, () -> get("/a"));
    assertTrue(e.getMessage().contains("credentials supplier returned null"), e.getMessage());
  }
}
