package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.latchkey.runtime.LatchkeyConfigException;
import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs a generated client against a local server: the builder wires the runtime, and interface
 * methods (inherited and generic ones included) reach the server through the Retrofit proxy. The
 * auth schemes are the test stubs, which add no authentication.
 */
class GeneratedClientTest {
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
  void callsTheServerThroughTheInterface() throws Exception {
    Object api = build("OnDemandApi", server.url("/api/").toString());
    server.enqueue(new MockResponse.Builder().code(200).body("<product/>").build());
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .body("<items><item>a</item><item>b</item></items>")
        .build());

    Response<?> product = execute(api, "product", new Class<?>[] {String.class}, "42");
    Response<?> page = execute(api, "page", new Class<?>[] {int.class}, 3);

    assertEquals(200, product.code());
    assertEquals(List.of("a", "b"), page.body());
    RecordedRequest first = server.takeRequest();
    assertEquals("/api/products/42", first.getUrl().encodedPath());
    RecordedRequest second = server.takeRequest();
    assertEquals("/api/items?page=3", second.getTarget());
    ((Closeable) api).close();
  }

  @Test
  void toStringNamesTheBaseUrlAndKind() throws Exception {
    String url = server.url("/v1/").toString();
    Object api = build("XandrApi", url);
    assertEquals("LatchkeyXandrApi{baseUrl=" + url + ", auth=token}", api.toString());
    ((Closeable) api).close();
  }

  @Test
  void buildWithoutBaseUrlOrEnvironmentNamesWhatIsMissing() throws Exception {
    Object builder = builder("MediaSiloApi");
    InvocationTargetException thrown = assertThrows(
        InvocationTargetException.class,
        () -> builder.getClass().getMethod("build").invoke(builder));
    LatchkeyConfigException cause =
        assertInstanceOf(LatchkeyConfigException.class, thrown.getCause());
    assertTrue(cause.getMessage().contains("production"), cause.getMessage());
  }

  @Test
  void selectsADeclaredEnvironment() throws Exception {
    Object builder = builder("OnDemandApi");
    builder.getClass().getMethod("environment", String.class).invoke(builder, "local");
    Object api = builder.getClass().getMethod("build").invoke(builder);
    assertTrue(api.toString().contains("baseUrl=http://127.0.0.1:8080/api/"), api.toString());
    ((Closeable) api).close();
  }

  private static Object builder(String name) throws Exception {
    Compilation compilation = Compilations.compile("good/" + name + ".java");
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> client = new CompiledClassLoader(compilation).loadClass("com.example.Latchkey" + name);
    return client.getMethod("builder").invoke(null);
  }

  private static Object build(String name, String baseUrl) throws Exception {
    Object builder = builder(name);
    builder.getClass().getMethod("baseUrl", String.class).invoke(builder, baseUrl);
    return builder.getClass().getMethod("build").invoke(builder);
  }

  private static Response<?> execute(Object api, String method, Class<?>[] types, Object... args)
      throws Exception {
    Method call = api.getClass().getMethod(method, types);
    return ((Call<?>) call.invoke(api, args)).execute();
  }
}
