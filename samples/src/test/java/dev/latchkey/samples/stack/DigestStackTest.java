package dev.latchkey.samples.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.latchkey.runtime.UserPassword;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * Issue 15: the scalars and Moshi converters and the Guava adapter through a generated digest
 * client, the digest challenge answered on the way (MockWebServer scripts the server).
 */
class DigestStackTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void scalarsAndMoshiBodiesBehindADigestChallenge() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(401)
        .addHeader(
            "WWW-Authenticate",
            "Digest realm=\"stack\", nonce=\"n0nce-1\", qop=\"auth\", algorithm=MD5")
        .build());
    server.enqueue(new MockResponse.Builder().body("hello").build());
    server.enqueue(
        new MockResponse.Builder().body("{\"name\":\"box\",\"count\":3}").build());
    try (LatchkeyDigestStackApi api = LatchkeyDigestStackApi.builder()
        .baseUrl(server.url("/api/").toString())
        .credentials(() -> new UserPassword("robot", "Circle Of Life"))
        // Scalars first: Moshi, like Jackson, would claim String bodies too.
        .addConverterFactory(ScalarsConverterFactory.create())
        .addConverterFactory(MoshiConverterFactory.create(new Moshi.Builder().build()))
        .build()) {
      assertEquals("hello", api.greeting().get(30, TimeUnit.SECONDS));
      DigestStackApi.Thing thing = api.thing().execute().body();
      assertEquals("box", thing.name);
      assertEquals(3, thing.count);
    }
    RecordedRequest challenged = server.takeRequest();
    assertNull(challenged.getHeaders().get("Authorization"));
    RecordedRequest answered = server.takeRequest();
    assertTrue(
        answered.getHeaders().get("Authorization").startsWith("Digest "),
        answered.getHeaders().toString());
    RecordedRequest reused = server.takeRequest();
    assertTrue(reused.getHeaders().get("Authorization").contains("nonce=\"n0nce-1\""));
  }
}
