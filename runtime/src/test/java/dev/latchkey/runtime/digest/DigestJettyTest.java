package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestTestSupport.Events;
import dev.latchkey.runtime.digest.DigestTestSupport.Probe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import retrofit2.Response;

/** Against Jetty 12's DigestAuthenticator, through a hand-built LatchkeyClient and Retrofit. */
class DigestJettyTest {
  private final Events events = new Events();

  private LatchkeyClient client(JettyDigestServer jetty, String password, Duration lifetime) {
    DigestScheme scheme = DigestScheme.builder()
        .credentials(() -> new UserPassword("robot", password))
        .nonceLifetime(lifetime)
        .realm(JettyDigestServer.REALM)
        .build();
    return DigestTestSupport.client(jetty.baseUrl(), scheme, Clock.systemUTC(), events, null);
  }

  @ParameterizedTest
  @CsvSource({"MD5,MD5", "SHA-256,SHA-256"})
  void authenticatesOnceThenReusesTheNonce(String jettyAlgorithm, String sent) throws Exception {
    try (JettyDigestServer jetty =
            new JettyDigestServer(jettyAlgorithm, "Circle Of Life", 60_000, 1024, true);
        LatchkeyClient client = client(jetty, "Circle Of Life", Duration.ofMinutes(1))) {
      Probe probe = client.create(Probe.class);
      for (int i = 0; i < 3; i++) {
        Response<okhttp3.ResponseBody> response = probe.secret().execute();
        assertEquals(200, response.code());
        assertEquals("secret of /secret", response.body().string());
      }
      assertEquals(4, jetty.exchanges.get()); // one challenge, then one exchange per call
      assertEquals(1, events.count(AuthEvent.Type.CHALLENGE));
      assertEquals(2, events.count(AuthEvent.Type.NONCE_REUSED));
      assertEquals(3, jetty.authorizations.size());
      assertTrue(
          jetty.authorizations.get(2).contains("algorithm=" + sent + ","),
          jetty.authorizations.get(2));
      assertTrue(jetty.authorizations.get(2).contains("nc=00000003"), jetty.authorizations.get(2));
    }
  }

  @Test
  void nonceExpiredServerSideWithStaleTrueCostsOneRetry() throws Exception {
    // Jetty forgets nonces after 300 ms; the client believes they last a minute.
    try (JettyDigestServer jetty = new JettyDigestServer("SHA-256", "pw", 300, 1024, true);
        LatchkeyClient client = client(jetty, "pw", Duration.ofMinutes(1))) {
      Probe probe = client.create(Probe.class);
      assertEquals(200, probe.secret().execute().code());
      assertEquals(2, jetty.exchanges.get());
      Thread.sleep(700); // real time: the server's own nonce clock must pass
      assertEquals(200, probe.secret().execute().code());
      assertEquals(4, jetty.exchanges.get());
      assertTrue(jetty.challenges.get(1).contains("stale=true"), jetty.challenges.toString());
      assertEquals(1, events.count(AuthEvent.Type.REJECTED));
      assertEquals(2, events.count(AuthEvent.Type.CHALLENGE));
    }
  }

  @Test
  void wrongPasswordIsTypedAfterTwoExchanges() throws Exception {
    try (JettyDigestServer jetty = new JettyDigestServer("SHA-256", "right", 60_000, 1024, false);
        LatchkeyClient client = client(jetty, "wrong-one", Duration.ofMinutes(1))) {
      Probe probe = client.create(Probe.class);
      assertThrows(AuthenticationFailedException.class, () -> probe.secret().execute());
      assertEquals(2, jetty.exchanges.get());
      assertEquals(
          List.of(AuthEvent.Type.CHALLENGE, AuthEvent.Type.REJECTED),
          events.all.stream().map(AuthEvent::type).toList());
    }
  }
}
