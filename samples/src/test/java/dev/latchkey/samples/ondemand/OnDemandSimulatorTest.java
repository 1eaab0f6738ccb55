package dev.latchkey.samples.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.latchkey.samples.sim.SimServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnDemandSimulatorTest {
  private final MutableClock clock = new MutableClock();
  private final OkHttpClient http = new OkHttpClient();
  private SimServer sim;

  @BeforeEach
  void start() throws IOException {
    sim = OnDemandSimulator.start(
        0, "robot_user", "s3cret".toCharArray(), Duration.ofMinutes(5), clock);
  }

  @AfterEach
  void stop() {
    sim.close();
    http.connectionPool().evictAll();
  }

  @Test
  void challengesWithoutCredentialsOfferingSha256ThenMd5() throws IOException {
    try (Response response = get("/products", null)) {
      assertEquals(401, response.code());
      List<String> challenges = response.headers("WWW-Authenticate");
      assertEquals(2, challenges.size());
      Map<String, String> first = DigestParams.parse(challenges.get(0));
      assertEquals("SHA-256", first.get("algorithm"));
      assertEquals("auth", first.get("qop"));
      assertEquals(OnDemandSimulator.REALM, first.get("realm"));
      assertTrue(first.containsKey("opaque"));
      assertNull(first.get("stale"));
      assertEquals("MD5", DigestParams.parse(challenges.get(1)).get("algorithm"));
    }
    assertEquals(1, stat("challenges"));
    assertEquals(1, stat("rejected"));
  }

  @Test
  void acceptsSha256AndMd5AndServesXml() throws IOException {
    for (String algorithm : List.of("SHA-256", "MD5", "MD5-sess")) {
      Map<String, String> challenge = challenge();
      String auth = TestDigest.authorization(
          challenge, algorithm, "robot_user", "s3cret", "GET", "/products", 1);
      try (Response response = get("/products", auth)) {
        assertEquals(200, response.code(), algorithm);
        Products products = new XmlMapper().readValue(response.body().string(), Products.class);
        assertEquals(3, products.items().size());
        assertEquals("P-1001", products.items().get(0).id());
        assertEquals("The Long Night", products.items().get(0).title());
      }
    }
    assertEquals(3, stat("logins"), "each fresh nonce's first success is a login");
  }

  @Test
  void rootListsLinks() throws IOException {
    Map<String, String> challenge = challenge();
    String auth =
        TestDigest.authorization(challenge, "SHA-256", "robot_user", "s3cret", "GET", "/", 1);
    try (Response response = get("/", auth)) {
      ApiRoot root = new XmlMapper().readValue(response.body().string(), ApiRoot.class);
      assertEquals("1", root.version());
      assertEquals("products", root.links().get(1).rel());
      assertEquals("products", root.links().get(1).href());
    }
  }

  @Test
  void reusesANonceWithIncreasingCountsAndRefusesAReplay() throws IOException {
    Map<String, String> challenge = challenge();
    for (int nc = 1; nc <= 3; nc++) {
      try (Response r = get(
          "/products",
          TestDigest.authorization(
              challenge, "SHA-256", "robot_user", "s3cret", "GET", "/products", nc))) {
        assertEquals(200, r.code());
      }
    }
    try (Response replay = get(
        "/products",
        TestDigest.authorization(
            challenge, "SHA-256", "robot_user", "s3cret", "GET", "/products", 2))) {
      assertEquals(401, replay.code());
      assertNull(DigestParams.parse(replay.header("WWW-Authenticate")).get("stale"));
    }
    assertEquals(1, stat("logins"));
    assertEquals(1, stat("replays"));
  }

  @Test
  void outOfOrderCountsAreNotReplays() throws IOException {
    Map<String, String> challenge = challenge();
    for (int nc : new int[] {2, 1, 3}) {
      try (Response r = get(
          "/products",
          TestDigest.authorization(
              challenge, "SHA-256", "robot_user", "s3cret", "GET", "/products", nc))) {
        assertEquals(200, r.code(), "nc " + nc);
      }
    }
  }

  @Test
  void expiredNonceIsStaleAndAFreshOneWorks() throws IOException {
    Map<String, String> challenge = challenge();
    try (Response r = get(
        "/products",
        TestDigest.authorization(
            challenge, "MD5", "robot_user", "s3cret", "GET", "/products", 1))) {
      assertEquals(200, r.code());
    }
    clock.advance(Duration.ofMinutes(5));
    Map<String, String> renewed;
    try (Response r = get(
        "/products",
        TestDigest.authorization(
            challenge, "MD5", "robot_user", "s3cret", "GET", "/products", 2))) {
      assertEquals(401, r.code());
      renewed = DigestParams.parse(r.header("WWW-Authenticate"));
      assertEquals("true", renewed.get("stale"));
    }
    try (Response r = get(
        "/products",
        TestDigest.authorization(renewed, "MD5", "robot_user", "s3cret", "GET", "/products", 1))) {
      assertEquals(200, r.code());
    }
    assertEquals(1, stat("stale"));
    assertEquals(2, stat("logins"));
  }

  @Test
  void wrongPasswordUserOrUriIsRefusedWithoutStale() throws IOException {
    Map<String, String> challenge = challenge();
    List<String> bad = List.of(
        TestDigest.authorization(
            challenge, "SHA-256", "robot_user", "wrong", "GET", "/products", 1),
        TestDigest.authorization(challenge, "SHA-256", "someone", "s3cret", "GET", "/products", 2),
        TestDigest.authorization(challenge, "SHA-256", "robot_user", "s3cret", "GET", "/", 3),
        "Digest garbage",
        "Basic cm9ib3RfdXNlcjpzM2NyZXQ=");
    for (String auth : bad) {
      try (Response r = get("/products", auth)) {
        assertEquals(401, r.code(), auth.substring(0, 12));
        assertNull(DigestParams.parse(r.header("WWW-Authenticate")).get("stale"));
      }
    }
    assertEquals(4, stat("bad_credentials"));
    assertEquals(1 + 1, stat("challenges"), "the first challenge and the Basic attempt");
    assertEquals(0, stat("logins"));
  }

  @Test
  void unknownPathIs404AfterAuthentication() throws IOException {
    Map<String, String> challenge = challenge();
    try (Response r = get(
        "/nothing",
        TestDigest.authorization(
            challenge, "SHA-256", "robot_user", "s3cret", "GET", "/nothing", 1))) {
      assertEquals(404, r.code());
    }
  }

  @Test
  void statsRouteAnswersJsonWithTheContractCounters() throws IOException {
    get("/products", null).close();
    try (Response r = get("/__sim/stats", null)) {
      assertEquals(200, r.code());
      Map<?, ?> stats = new ObjectMapper().readValue(r.body().string(), Map.class);
      for (String key : List.of("requests", "rejected", "logins", "login_throttled")) {
        assertTrue(stats.containsKey(key), key);
      }
      assertEquals(1, stats.get("requests"), "the stats route itself is not counted");
      assertEquals(0, stats.get("login_throttled"));
    }
    assertFalse(sim.url().toString().contains("localhost"));
  }

  private Map<String, String> challenge() throws IOException {
    try (Response response = get("/products", null)) {
      return DigestParams.parse(response.header("WWW-Authenticate"));
    }
  }

  private long stat(String name) {
    return sim.stats().get(name);
  }

  private Response get(String path, String authorization) throws IOException {
    Request.Builder request = new Request.Builder().url(sim.url().resolve(path).toString());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.newCall(request.build()).execute();
  }
}
