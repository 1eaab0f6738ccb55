package dev.latchkey.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Origin's hand-written equals and hashCode keep a record's meaning: all three parts count. */
class OriginTest {
  @Test
  void equalWhenSchemeHostAndPortAreEqual() {
    Origin made = new Origin("https", "API.Example", 443);
    Origin parsed = Origin.of(HttpUrl.get("https://api.example/v3/"));
    assertEquals(made, parsed);
    assertEquals(made.hashCode(), parsed.hashCode());
    assertEquals(Set.of(made), new HashSet<>(Set.of(parsed)));
  }

  @Test
  void eachPartTellsOriginsApart() {
    Origin origin = new Origin("https", "api.example", 443);
    assertNotEquals(origin, new Origin("http", "api.example", 443));
    assertNotEquals(origin, new Origin("https", "cdn.api.example", 443));
    assertNotEquals(origin, new Origin("https", "api.example", 8443));
    assertNotEquals(origin, Origin.PROXY);
    assertNotEquals(origin, null);
    assertNotEquals(origin, (Object) "https://api.example:443");
  }

  @Test
  void theProxyPseudoOriginEqualsItsOwnParts() {
    assertEquals(Origin.PROXY, new Origin("proxy", "", 0));
    assertEquals(Origin.PROXY.hashCode(), new Origin("proxy", "", 0).hashCode());
  }
}
