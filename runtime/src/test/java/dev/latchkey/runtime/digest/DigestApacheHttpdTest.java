package dev.latchkey.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.digest.DigestTestSupport.Events;
import dev.latchkey.runtime.digest.DigestTestSupport.Probe;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against Apache httpd's mod_auth_digest, which answers every success with {@code rspauth} (so our
 * check of it meets an independent implementation) and a {@code nextnonce}. Skipped where httpd is
 * not installed.
 */
class DigestApacheHttpdTest {
  private final Events events = new Events();
  private final AtomicInteger exchanges = new AtomicInteger();
  private final OkHttpClient counting = new OkHttpClient.Builder()
      .addNetworkInterceptor(chain -> {
        exchanges.incrementAndGet();
        return chain.proceed(chain.request());
      })
      .build();

  @BeforeAll
  static void needsHttpd() {
    assumeTrue(ApacheHttpd.available(), "apache2 with mod_auth_digest is not installed");
  }

  private LatchkeyClient client(ApacheHttpd httpd, String password) {
    DigestScheme scheme = DigestScheme.builder()
        .credentials(() -> new UserPassword("robot", password))
        .nonceLifetime(Duration.ofMinutes(5))
        .build();
    return DigestTestSupport.client(httpd.baseUrl(), scheme, Clock.systemUTC(), events, counting);
  }

  @Test
  void rspauthVerifiesOnEveryAnswer() throws Exception {
    callFiveTimes(300);
    assertEquals(0, events.count(AuthEvent.Type.NONCE_RENEWED));
  }

  /** httpd sends nextnonce once less than 30 s of a nonce are left: here, on every answer. */
  @Test
  void nextnonceIsAdoptedAndAccepted() throws Exception {
    callFiveTimes(20);
    assertEquals(5, events.count(AuthEvent.Type.NONCE_RENEWED));
  }

  private void callFiveTimes(int nonceLifetimeSeconds) throws Exception {
    try (ApacheHttpd httpd = new ApacheHttpd("robot", "Circle Of Life", nonceLifetimeSeconds);
        LatchkeyClient client = client(httpd, "Circle Of Life")) {
      Probe probe = client.create(Probe.class);
      for (int i = 0; i < 5; i++) {
        var response = probe.secret().execute();
        assertEquals(200, response.code());
        assertEquals("apache secret\n", response.body().string());
      }
      assertEquals(6, exchanges.get());
      assertEquals(1, events.count(AuthEvent.Type.CHALLENGE));
      assertEquals(0, events.count(AuthEvent.Type.REJECTED));
    }
  }

  @Test
  void expiredNonceIsRefusedAsStaleAndRetriedOnce() throws Exception {
    try (ApacheHttpd httpd = new ApacheHttpd("robot", "pw", 1);
        LatchkeyClient client = client(httpd, "pw")) {
      Probe probe = client.create(Probe.class);
      assertEquals(200, probe.secret().execute().code());
      Thread.sleep(2500); // real time: httpd's nonce (and the nextnonce it sent) must age out
      assertEquals(200, probe.secret().execute().code());
      assertEquals(4, exchanges.get());
      assertEquals(1, events.count(AuthEvent.Type.REJECTED));
    }
  }

  @Test
  void wrongPasswordIsTypedAfterTwoExchanges() throws Exception {
    try (ApacheHttpd httpd = new ApacheHttpd("robot", "right", 300);
        LatchkeyClient client = client(httpd, "not-right")) {
      assertThrows(
          AuthenticationFailedException.class,
          () -> client.create(Probe.class).secret().execute());
      assertEquals(2, exchanges.get());
    }
  }
}
