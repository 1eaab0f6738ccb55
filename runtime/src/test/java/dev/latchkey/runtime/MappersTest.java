package dev.latchkey.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.http.CredentialOrigins;
import dev.latchkey.runtime.logging.Redactor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The body default has the JavaTime and JDK 8 modules; the engines' tree mapper has none, and reads
 * and writes every tree as the body default does (issue 17: a login maps no type).
 */
class MappersTest {
  private static final String ANSWER =
      "{\"response\":{\"status\":\"OK\",\"token\":\"t-1\",\"n\":[1,2.5,true,null],"
          + "\"when\":\"2026-12-02T03:00:00Z\",\"big\":123456789012345678901234567890}}";

  @Test
  void theBodyDefaultMapsJavaTimeAndTheTreeMapperHasNoModules() throws Exception {
    assertEquals(
        Instant.parse("2026-12-02T03:00:00Z"),
        Mappers.sharedJson().readValue("\"2026-12-02T03:00:00Z\"", Instant.class));
    assertTrue(Mappers.sharedJson().getRegisteredModuleIds().size() >= 2);
    assertTrue(Mappers.treeJson().getRegisteredModuleIds().isEmpty());
    assertSame(Mappers.treeJson(), Mappers.treeJson());
  }

  @Test
  void treesReadAndWriteAsWithTheBodyDefault() throws Exception {
    JsonNode tree = Mappers.treeJson().readTree(ANSWER);
    assertEquals(Mappers.sharedJson().readTree(ANSWER), tree);
    assertEquals("t-1", tree.at("/response/token").asText());
    assertEquals(
        Mappers.sharedJson().writeValueAsString(tree), Mappers.treeJson().writeValueAsString(tree));
    assertEquals(
        Mappers.sharedJson().writeValueAsString(Map.of("auth", Map.of("username", "u"))),
        Mappers.treeJson().writeValueAsString(Map.of("auth", Map.of("username", "u"))));
  }

  @Test
  void engineTreesUseTheClientsOwnMapperWhenItHasOne() {
    HttpUrl base = HttpUrl.get("https://api.example/");
    OkHttpClient plain = new OkHttpClient();
    ObjectMapper own = new ObjectMapper();
    AuthContext withOwn = new AuthContext(
        "Api",
        base,
        Clock.systemUTC(),
        AuthEventListener.NONE,
        plain,
        CredentialOrigins.of(base),
        new Redactor(),
        own);
    assertSame(own, withOwn.treeMapper());
    assertSame(own, withOwn.objectMapper());
    AuthContext withNone =
        new AuthContext("Api", base, Clock.systemUTC(), AuthEventListener.NONE, plain);
    assertSame(Mappers.treeJson(), withNone.treeMapper());
    assertSame(Mappers.sharedJson(), withNone.objectMapper());
  }
}
