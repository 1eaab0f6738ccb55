package dev.latchkey.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SampleCallsTest {
  private final HttpUrl base = HttpUrl.get("http://127.0.0.1:9/api/v3/");

  @Test
  void pathsStayUnderTheBasePath() {
    assertEquals("http://127.0.0.1:9/api/v3/products", resolve("/products"));
    assertEquals("http://127.0.0.1:9/api/v3/products", resolve("products"));
    assertEquals("http://127.0.0.1:9/api/v3/user?current", resolve("/user?current"));
    assertEquals("http://127.0.0.1:9/api/v3/", resolve("/"));
    assertEquals("http://127.0.0.1:9/api/v3/", resolve(""));
  }

  private String resolve(String path) {
    return base.resolve(SampleCalls.relative(path)).toString();
  }
}
