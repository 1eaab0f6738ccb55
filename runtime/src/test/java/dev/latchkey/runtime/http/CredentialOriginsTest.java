package dev.latchkey.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.store.SessionStore;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class CredentialOriginsTest {
  private static HttpUrl url(String url) {
    return HttpUrl.get(url);
  }

  @Test
  void onlyTheBaseUrlsSchemeHostAndPortBelong() {
    CredentialOrigins origins = CredentialOrigins.of(url("https://api.example/v3/"));
    assertTrue(origins.contains(url("https://api.example/other/path?q=1")));
    assertTrue(origins.contains(url("https://API.example:443/")));
    assertFalse(origins.contains(url("http://api.example/v3/")));
    assertFalse(origins.contains(url("https://api.example:8443/v3/")));
    assertFalse(origins.contains(url("https://cdn.api.example/v3/")));
  }

  @Test
  void addedOriginsBelongTooAndThePrimaryStaysFirst() {
    CredentialOrigins origins = CredentialOrigins.of(
        url("https://api.example/"),
        List.of(url("https://files.example/x/"), url("https://api.example/again/")));
    assertEquals(Origin.of(url("https://api.example/")), origins.primary());
    assertEquals(2, origins.all().size());
    assertTrue(origins.contains(url("https://files.example/y")));
    assertFalse(origins.contains(url("https://other.example/")));
  }

  @Test
  void thePrimaryMustComeFirst() {
    Origin a = Origin.of(url("https://a.example/"));
    Origin b = Origin.of(url("https://b.example/"));
    assertThrows(IllegalArgumentException.class, () -> new CredentialOrigins(a, List.of(b, a)));
  }

  @Test
  void storeKeysDifferByOriginAndAuthKindAndNeverShowTheUser() {
    Origin production = Origin.of(url("https://api.appnexus.com/"));
    Origin staging = Origin.of(url("http://127.0.0.1:8080/"));
    String a = SessionStore.accountKey("XandrApi", "token", production, "alice");
    assertNotEquals(a, SessionStore.accountKey("XandrApi", "token", staging, "alice"));
    assertNotEquals(a, SessionStore.accountKey("XandrApi", "header", production, "alice"));
    assertNotEquals(a, SessionStore.accountKey("XandrApi", "token", production, "bob"));
    assertEquals(a, SessionStore.accountKey("XandrApi", "token", production, "alice"));
    assertTrue(a.startsWith("XandrApi-token-") && !a.contains("alice"), a);
  }
}
