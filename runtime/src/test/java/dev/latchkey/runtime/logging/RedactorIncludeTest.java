package dev.latchkey.runtime.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A log's redactor that includes a client's redactor masks what the client's engines register. */
class RedactorIncludeTest {

  @Test
  void anIncludedRedactorsHeadersFieldsAndValuesAreMaskedAsTheyArriveLater() {
    Redactor log = new Redactor();
    Redactor client = new Redactor();
    log.include(client);
    assertFalse(log.isSecretHeader("X-Auth-Token"));
    client.redactHeader("X-Auth-Token");
    client.redactField("id");
    client.addSecret("tok-5e3cret");
    assertTrue(log.isSecretHeader("x-auth-token"));
    assertEquals(
        "{\"id\":\"" + Redactor.MASK + "\",\"echo\":\"" + Redactor.MASK + "\"}",
        log.text("{\"id\":\"sess-1\",\"echo\":\"tok-5e3cret\"}"));
  }

  @Test
  void includingInACircleCannotLoop() {
    Redactor a = new Redactor();
    Redactor b = new Redactor();
    a.include(b).include(a);
    b.include(a);
    b.addSecret("secret-b-value");
    a.addSecret("secret-a-value");
    assertEquals(Redactor.MASK + " " + Redactor.MASK, a.text("secret-a-value secret-b-value"));
    assertEquals(Redactor.MASK + " " + Redactor.MASK, b.text("secret-a-value secret-b-value"));
    assertFalse(a.isSecretHeader("X-Nothing"));
  }
}
