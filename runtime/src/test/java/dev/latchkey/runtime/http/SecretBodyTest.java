package dev.latchkey.runtime.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class SecretBodyTest {
  @Test
  void sendsOnceThenWipesAndNeverShowsItself() throws Exception {
    byte[] bytes = "{\"password\":\"s3cret-pw\"}".getBytes(StandardCharsets.UTF_8);
    SecretBody body = new SecretBody(bytes, MediaType.get("application/json"));
    assertTrue(body.isOneShot(), "OkHttp must not replay or redirect it");
    Buffer sent = new Buffer();
    body.writeTo(sent);
    assertEquals("{\"password\":\"s3cret-pw\"}", sent.readUtf8());
    assertFalse(body.toString().contains("s3cret"), body.toString());
    body.wipe();
    assertArrayEquals(new byte[bytes.length], bytes, "wiped in place");
  }
}
