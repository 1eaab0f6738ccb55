package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.tls.TlsPolicy;
import java.io.Closeable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.CertificatePinner;
import org.junit.jupiter.api.Test;

/**
 * The generated builder's TLS methods: {@code @PinCertificates} pins reach the OkHttp client, and
 * the user's {@code pins}, {@code trustPem} and {@code tls} calls are applied after them, in order.
 * Nothing connects: the pins are read back from the client's {@link CertificatePinner}.
 */
class GeneratedPinsTest {
  private static final String PATTERN = "**.ondemand.example.com";
  private static final String DV_CA = "sha256/4a6cPehI7OG6cuDZka5NDZ7FR8a60d3auda+sKfg4Ng=";
  private static final String USERTRUST = "sha256/x4QzPSC810K5/cMjb05Qm4k3Bw5zBn4lTdO/nEW/Td4=";
  private static final String R46 = "sha256/Douxi77vs4G+Ib/BogbTFymEYq0QSFXwSgVCaZcI09Q=";
  private static final String OTHER = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  @Test
  void annotationPinsReachTheClient() throws Exception {
    Object builder = builder("OnDemandApi");
    assertEquals(Map.of(PATTERN, List.of(DV_CA, USERTRUST, R46)), pins(builder));
  }

  @Test
  void everyClientHasTheTlsMethods() throws Exception {
    Object builder = builder("XandrApi");
    builder
        .getClass()
        .getMethod("pins", String.class, String[].class)
        .invoke(builder, "api.appnexus.com", new String[] {R46});
    assertEquals(Map.of("api.appnexus.com", List.of(R46)), pins(builder));
  }

  @Test
  void userPinsReplaceThePinsOfTheirPatternOnly() throws Exception {
    Object builder = builder("OnDemandApi");
    String[] mine = {OTHER};
    pin(builder, PATTERN, mine);
    mine[0] = R46; // the builder copied the array
    pin(builder, "api.example.org", DV_CA);
    assertEquals(Map.of(PATTERN, List.of(OTHER), "api.example.org", List.of(DV_CA)), pins(builder));
  }

  @Test
  void tlsReplacesThePolicyAndLaterPinsStillApply() throws Exception {
    Object builder = builder("OnDemandApi");
    pin(builder, "before.example.com", OTHER);
    builder
        .getClass()
        .getMethod("tls", TlsPolicy.class)
        .invoke(builder, TlsPolicy.platformDefault());
    pin(builder, "after.example.com", R46);
    assertEquals(Map.of("after.example.com", List.of(R46)), pins(builder));
  }

  @Test
  void badUserPinFailsBuildNamingIt() throws Exception {
    Object builder = builder("OnDemandApi");
    pin(builder, PATTERN, "sha1/nope");
    InvocationTargetException thrown =
        assertThrows(InvocationTargetException.class, () -> build(builder));
    LatchkeyConfigException cause =
        assertInstanceOf(LatchkeyConfigException.class, thrown.getCause());
    assertTrue(cause.getMessage().contains("sha1/nope"), cause.getMessage());
  }

  @Test
  void badTrustPemFailsBuild() throws Exception {
    Object builder = builder("OnDemandApi");
    builder.getClass().getMethod("trustPem", String.class).invoke(builder, "not a certificate");
    InvocationTargetException thrown =
        assertThrows(InvocationTargetException.class, () -> build(builder));
    assertInstanceOf(LatchkeyConfigException.class, thrown.getCause());
  }

  private static void pin(Object builder, String pattern, String... pins) throws Exception {
    builder
        .getClass()
        .getMethod("pins", String.class, String[].class)
        .invoke(builder, pattern, pins);
  }

  private static Object build(Object builder) throws Exception {
    builder
        .getClass()
        .getMethod("baseUrl", String.class)
        .invoke(builder, "http://127.0.0.1:9/api/");
    return builder.getClass().getMethod("build").invoke(builder);
  }

  /** The pins of the built client's OkHttp client, by pattern, in declaration order. */
  private static Map<String, List<String>> pins(Object builder) throws Exception {
    Object api = build(builder);
    Field field = api.getClass().getDeclaredField("client");
    field.setAccessible(true);
    LatchkeyClient client = (LatchkeyClient) field.get(api);
    CertificatePinner pinner = client.okHttpClient().certificatePinner();
    Map<String, List<String>> result = new TreeMap<>();
    for (CertificatePinner.Pin pin : pinner.getPins()) {
      result.computeIfAbsent(pin.getPattern(), k -> new ArrayList<>()).add(pin.toString());
    }
    ((Closeable) api).close();
    return result;
  }

  private static Object builder(String name) throws Exception {
    Compilation compilation = Compilations.compile("good/" + name + ".java");
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> client = new CompiledClassLoader(compilation).loadClass("com.example.Latchkey" + name);
    return client.getMethod("builder").invoke(null);
  }
}
