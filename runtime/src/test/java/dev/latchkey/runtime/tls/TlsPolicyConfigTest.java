package dev.latchkey.runtime.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Pin and pattern syntax, and configuration overrides, without a network. */
class TlsPolicyConfigTest {
  // The seed's Sectigo pins (apis.md), real 32-byte SHA-256 values.
  static final String SECTIGO_DV = "sha256/4a6cPehI7OG6cuDZka5NDZ7FR8a60d3auda+sKfg4Ng=";
  static final String USERTRUST = "sha256/x4QzPSC810K5/cMjb05Qm4k3Bw5zBn4lTdO/nEW/Td4=";
  static final String R46 = "sha256/Douxi77vs4G+Ib/BogbTFymEYq0QSFXwSgVCaZcI09Q=";

  private static LatchkeyConfigException badPin(String pin) {
    return assertThrows(
        LatchkeyConfigException.class, () -> TlsPolicy.builder().pins("**.ondemand.example", pin));
  }

  @Test
  void acceptsTheSeedsPins() {
    TlsPolicy policy = TlsPolicy.builder()
        .pins("**.ondemand.example", SECTIGO_DV, USERTRUST, R46)
        .build();
    assertEquals(Map.of("**.ondemand.example", List.of(SECTIGO_DV, USERTRUST, R46)), policy.pins());
    assertTrue(policy.requirePinsForAllHosts());
  }

  @Test
  void malformedBase64IsRefusedNamingThePin() {
    String pin = "sha256/4a6cPehI7OG6cuDZka5NDZ7FR8a60d3auda+sKfg4N!=";
    LatchkeyConfigException e = badPin(pin);
    assertTrue(e.getMessage().contains(pin), e.getMessage());
    assertTrue(e.getMessage().contains("base64"), e.getMessage());
  }

  @Test
  void wrongLengthIsRefused() {
    LatchkeyConfigException e = badPin("sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertTrue(e.getMessage().contains("27 bytes"), e.getMessage());
  }

  @Test
  void missingPrefixAndSha1AreRefused() {
    String bare = SECTIGO_DV.substring("sha256/".length());
    assertTrue(badPin(bare).getMessage().contains("must start with 'sha256/'"));
    assertTrue(badPin("sha1/BOGUSBOGUSBOGUSBOGUSBOGUSBO=").getMessage().contains("sha1/"));
    assertTrue(badPin(" ").getMessage().contains("empty pin"));
  }

  @Test
  void badHostPatternsAreRefusedNamingThePattern() {
    for (String pattern : List.of(
        "*.*.example.com", "https://example.com", "exa mple.com", "example.com:443", "**")) {
      LatchkeyConfigException e = assertThrows(
          LatchkeyConfigException.class, () -> TlsPolicy.builder().pins(pattern, R46), pattern);
      assertTrue(e.getMessage().contains("'" + pattern + "'"), e.getMessage());
    }
    assertThrows(LatchkeyConfigException.class, () -> TlsPolicy.builder().pins("", R46));
    assertThrows(LatchkeyConfigException.class, () -> TlsPolicy.builder().pins("example.com"));
  }

  @Test
  void laterPinsForAPatternReplaceEarlierOnes() {
    TlsPolicy policy =
        TlsPolicy.builder().pins("a.example", R46).pins("a.example", USERTRUST).build();
    assertEquals(List.of(USERTRUST), policy.pins().get("a.example"));
  }

  @Test
  void badPemIsRefused() {
    assertThrows(LatchkeyConfigException.class, () -> TlsPolicy.builder().addTrustedPem("hello"));
    LatchkeyConfigException e = assertThrows(
        LatchkeyConfigException.class,
        () -> TlsPolicy.builder()
            .trustOnlyPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    assertTrue(e.getMessage().contains("#1"), e.getMessage());
    assertThrows(LatchkeyConfigException.class, () -> TlsPolicy.builder().trustOnly(List.of()));
  }

  @Test
  void overridesFromPropertiesAndEnvironmentReplacePins() {
    TlsPolicy declared =
        TlsPolicy.builder().pins("**.ondemand.example", SECTIGO_DV, USERTRUST).build();
    Properties properties = new Properties();
    properties.setProperty("latchkey.pins.**.ondemand.example", R46 + ", " + USERTRUST);
    properties.setProperty("unrelated", "x");
    Map<String, List<String>> overrides = PinOverrides.read(
        properties, "**.ondemand.example=" + SECTIGO_DV + ";api.appnexus.com=" + USERTRUST);
    assertEquals(List.of(R46, USERTRUST), overrides.get("**.ondemand.example"), "property wins");

    TlsPolicy forOnDemand = declared.withOverrides(overrides, "prod.ondemand.example");
    assertEquals(
        Map.of("**.ondemand.example", List.of(R46, USERTRUST)),
        forOnDemand.pins(),
        "an override for another API's host is not applied");
    TlsPolicy forXandr = TlsPolicy.platformDefault().withOverrides(overrides, "api.appnexus.com");
    assertEquals(Map.of("api.appnexus.com", List.of(USERTRUST)), forXandr.pins());
    assertSame(declared, declared.withOverrides(Map.of(), "x.example"));
  }

  @Test
  void malformedOverridesNameTheirSource() {
    LatchkeyConfigException env = assertThrows(
        LatchkeyConfigException.class,
        () -> PinOverrides.read(new Properties(), "host.example:" + R46));
    assertTrue(env.getMessage().startsWith("LATCHKEY_PINS"), env.getMessage());
    Properties properties = new Properties();
    properties.setProperty("latchkey.pins.a.example", "sha256/short");
    LatchkeyConfigException property =
        assertThrows(LatchkeyConfigException.class, () -> PinOverrides.read(properties, null));
    assertTrue(property.getMessage().startsWith("latchkey.pins.a.example"), property.getMessage());
    assertTrue(property.getMessage().contains("sha256/short"), property.getMessage());
  }

  @Test
  void toStringShowsPinsAndTrustButNoCertificates() {
    String text =
        TlsPolicy.builder().pins("a.example", R46).reportOnly(true).build().toString();
    assertTrue(
        text.contains(R46) && text.contains("reportOnly=true") && text.contains("platform"), text);
  }
}
