package dev.latchkey.runtime.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.UserPassword;
import org.junit.jupiter.api.Test;

class HeaderSchemeBuilderTest {

  @Test
  void missingHeaderValueNamesTheSetterAndHeader() {
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> Fixtures.mediaSilo("acme", null, "alice", "pw").build());
    assertTrue(e.getMessage().contains("apiKey(..)"), e.getMessage());
    assertTrue(e.getMessage().contains("MediaSiloApiKey"), e.getMessage());
  }

  @Test
  void blankHostContextIsMissingToo() {
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> Fixtures.mediaSilo("  ", "key", "alice", "pw").build());
    assertTrue(e.getMessage().contains("hostContext(..)"), e.getMessage());
  }

  @Test
  void badCharacterInSecretValueIsNamedButNotQuoted() {
    String key = "abc\r\nsecret-part";
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> Fixtures.mediaSilo("acme", key, "alice", "pw").build());
    assertTrue(e.getMessage().contains("apiKey(..)"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-part"), e.getMessage());
  }

  @Test
  void credentialsAreRequired() {
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> HeaderScheme.builder().header("X-Key", "key", true, "v").build());
    assertTrue(e.getMessage().contains("credentials(..)"), e.getMessage());
  }

  @Test
  void sessionModeNeedsASession() {
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> HeaderScheme.builder()
            .header("X-Key", "key", true, "v")
            .credentials(() -> new UserPassword("u", "p"))
            .mode(HeaderAuthMode.SESSION)
            .build());
    assertTrue(e.getMessage().contains("session(..)"), e.getMessage());
  }

  @Test
  void basicModeCanBeForbidden() {
    assertThrows(
        LatchkeyConfigException.class,
        () ->
            Fixtures.mediaSilo().basicAllowed(false).mode(HeaderAuthMode.BASIC).build());
  }

  @Test
  void bodyFieldMustNameADeclaredSetter() {
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> Fixtures.mediaSilo().sessionBodyField("/tenant", "tenant").build());
    assertTrue(e.getMessage().contains("tenant"), e.getMessage());
  }

  @Test
  void duplicateHeaderIsRejected() {
    assertThrows(
        LatchkeyConfigException.class,
        () -> Fixtures.mediaSilo().header("mediasiloapikey", "other", true, "v").build());
  }

  @Test
  void defaultModeIsSessionWhenDeclaredElseBasic() {
    assertEquals(HeaderAuthMode.SESSION, Fixtures.mediaSilo().build().mode());
    HeaderScheme basic = HeaderScheme.builder()
        .header("X-Key", "key", true, "v")
        .credentials(() -> new UserPassword("u", "p"))
        .build();
    assertEquals(HeaderAuthMode.BASIC, basic.mode());
  }

  @Test
  void toStringShowsNamesNeverValues() {
    String text = Fixtures.mediaSilo().build().toString();
    assertTrue(text.contains("MediaSiloApiKey"), text);
    assertFalse(text.contains(FakeSessionServer.API_KEY), text);
    assertFalse(text.contains(FakeSessionServer.HOST_CONTEXT + ")"), text);
    assertFalse(text.contains(FakeSessionServer.PASSWORD), text);
  }
}
