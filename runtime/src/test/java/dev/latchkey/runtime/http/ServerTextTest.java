package dev.latchkey.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.logging.Redactor;
import org.junit.jupiter.api.Test;

class ServerTextTest {
  @Test
  void shortTextIsKeptWithControlCharactersAsSpaces() {
    assertEquals("bad  request", ServerText.quote("bad\r\nrequest", new Redactor()));
    assertEquals("", ServerText.quote(null, new Redactor()));
  }

  @Test
  void anEchoedPasswordIsMaskedEvenWhereTheCutWouldHalveIt() {
    Redactor redactor = new Redactor();
    String password = "Sup3r-Secret-Passw0rd!";
    redactor.addSecret(password);
    String echo = "x".repeat(190) + password + "y".repeat(3000);
    String quoted = ServerText.quote(echo, redactor);
    assertFalse(quoted.contains("Sup3r"), quoted);
    assertTrue(quoted.length() <= ServerText.MAX_CHARS + 20, quoted.length() + "");
    assertTrue(quoted.endsWith("(" + echo.length() + " chars)"), quoted);
  }

  @Test
  void secretFieldsAreMaskedByName() {
    String quoted =
        ServerText.quote("{\"password\":\"hunter22\",\"error\":\"no\"}", new Redactor());
    assertFalse(quoted.contains("hunter22"), quoted);
  }
}
