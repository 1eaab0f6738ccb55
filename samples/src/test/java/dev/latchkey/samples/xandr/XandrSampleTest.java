package dev.latchkey.samples.xandr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.token.JwtSigningKey;
import dev.latchkey.samples.cli.Options;
import dev.latchkey.samples.cli.RunningSimulator;
import dev.latchkey.samples.cli.SampleCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class XandrSampleTest {
  private final XandrSample sample = new XandrSample();

  @Test
  void demoTellsTheWholeStoryAndSucceeds() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean worked = sample.demo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(worked, report);
    assertFalse(report.contains("FAIL"), report);
    assertFalse(report.contains(XandrSimulatorConfig.DEFAULT_PASSWORD), report);
  }

  @Test
  void simulateAndCallThroughTheCliInterfaces() throws Exception {
    Options options = Options.parse(
        List.of("--port", "0", "--token-idle", "PT1H", "--login-limit", "3/PT1M"), List.of());
    assertEquals(Duration.ofHours(1), XandrSimulatorConfig.from(options).tokenIdle());
    assertEquals(3, XandrSimulatorConfig.from(options).loginLimit());
    assertThrows(
        Options.UsageException.class,
        () -> XandrSimulatorConfig.from(Options.parse(List.of("--login-limit", "ten"), List.of())));
    try (RunningSimulator sim = sample.simulate(options);
        SampleCall call = sample.client(
            Options.parse(List.of("--base-url", sim.url().toString()), List.of()),
            new OkHttpClient(),
            AuthEventListener.NONE)) {
      assertTrue(call.get("member").contains("bidder_id"));
      assertTrue(call.get("/user?current").contains(XandrSimulatorConfig.DEFAULT_USER));
    }
  }

  @Test
  void cookieTransportAgainstTheSimulator() throws Exception {
    try (XandrSimulator sim =
            XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC());
        LatchkeyXandrCookieApi api = LatchkeyXandrCookieApi.builder()
            .baseUrl(sim.url().toString())
            .credentials(() -> new UserPassword(
                XandrSimulatorConfig.DEFAULT_USER, XandrSimulatorConfig.DEFAULT_PASSWORD))
            .build()) {
      assertTrue(api.member().execute().isSuccessful());
      assertTrue(api.currentUser().execute().isSuccessful());
      assertEquals(1, sim.logins());
      assertEquals(0, sim.rejected());
    }
  }

  @Test
  void jwtLoginAgainstTheSimulator() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    try (XandrSimulator sim =
        XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC())) {
      registerPublicKey(sim, keys);
      try (LatchkeyXandrApi client = LatchkeyXandrApi.builder()
          .baseUrl(sim.url().toString())
          .signingKey(
              new JwtSigningKey(XandrSimulatorConfig.DEFAULT_USER, "laptop", keys.getPrivate()))
          .build()) {
        JsonNode user = client.currentUser().execute().body();
        assertEquals(
            XandrSimulatorConfig.DEFAULT_USER,
            user.at("/response/user/username").asText());
        assertEquals(2, sim.logins(), "one password login to register the key, one JWT login");
      }
    }
  }

  @Test
  void jwtSignedByAnUnregisteredKeyIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair registered = generator.generateKeyPair();
    KeyPair other = generator.generateKeyPair();
    try (XandrSimulator sim =
        XandrSimulator.start(XandrSimulatorConfig.defaults(), Clock.systemUTC())) {
      registerPublicKey(sim, registered);
      try (LatchkeyXandrApi client = LatchkeyXandrApi.builder()
          .baseUrl(sim.url().toString())
          .signingKey(
              new JwtSigningKey(XandrSimulatorConfig.DEFAULT_USER, "laptop", other.getPrivate()))
          .build()) {
        assertThrows(
            dev.latchkey.runtime.AuthenticationFailedException.class,
            () -> client.member().execute());
        assertEquals(1, sim.logins(), "only the password login that registered the key");
      }
    }
  }

  /** apis.md: POST /public-key?user_id=ID while logged in with a password. */
  private static void registerPublicKey(XandrSimulator sim, KeyPair keys) throws Exception {
    OkHttpClient http = new OkHttpClient();
    ObjectMapper json = new ObjectMapper();
    String login = "{\"auth\":{\"username\":\"" + XandrSimulatorConfig.DEFAULT_USER
        + "\",\"password\":\"" + XandrSimulatorConfig.DEFAULT_PASSWORD + "\"}}";
    String token;
    try (Response response = http.newCall(new Request.Builder()
            .url(sim.url() + "auth")
            .post(RequestBody.create(login, MediaType.get("application/json")))
            .build())
        .execute()) {
      token = json.readTree(response.body().string()).at("/response/token").asText();
    }
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    String body = json.createObjectNode()
        .set(
            "public-key",
            json.createObjectNode()
                .put("active", true)
                .put("name", "laptop")
                .put("user_id", 1001)
                .put("encoded_value", pem))
        .toString();
    try (Response response = http.newCall(new Request.Builder()
            .url(sim.url() + "public-key?user_id=1001")
            .header("Authorization", token)
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build())
        .execute()) {
      assertEquals(200, response.code(), response.body().string());
    }
  }
}
