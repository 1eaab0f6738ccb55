package dev.latchkey.runtime.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.MutableClock;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login shapes of issue 18 through the session engine, one scripted exchange each: what the
 * login sends, where the token is read, how later calls carry it, the CSRF value, the announced
 * lifetime, the logout. The catalogue tests in the samples run the same shapes against whole
 * vendor scripts.
 */
class LoginShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  private LatchkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    if (client != null) {
      client.close();
    }
  }

  private LatchkeyClient client(TokenScheme.Builder scheme) {
    client = LatchkeyClient.builder("ShapeTest")
        .baseUrl(server.url("/").toString())
        .clock(clock)
        .auth(scheme.credentials(() -> new UserPassword("robot", "pa ss&word")).build())
        .build();
    return client;
  }

  private Response call(String method, String path) throws IOException {
    Request request = new Request.Builder()
        .url(client.baseUrl().resolve(path))
        .method(method, method.equals("GET") ? null : RequestBody.create(new byte[0], null))
        .build();
    return client.okHttpClient().newCall(request).execute();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static MockResponse ok() {
    return json("{}");
  }

  @Test
  void formLoginWithAFixedFieldAndATokenInTheAnswersHeaderSentAsAQueryParameter() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .addHeader("X-Subject-Token", "tok-1")
        .body("{}")
        .build());
    server.enqueue(ok());
    client(TokenScheme.builder()
        .loginPath("login")
        .loginBody(LoginBody.FORM)
        .usernameField("username")
        .passwordField("password")
        .loginFields("output_mode=json")
        .tokenHeader("X-Subject-Token")
        .query("auth"));
    try (Response response = call("GET", "items")) {
      assertEquals(200, response.code());
    }
    RecordedRequest login = server.takeRequest();
    assertEquals(
        "output_mode=json&username=robot&password=pa+ss%26word", login.getBody().utf8());
    assertTrue(
        login.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
    RecordedRequest call = server.takeRequest();
    assertEquals("tok-1", call.getUrl().queryParameter("auth"));
    assertNull(call.getHeaders().get("Authorization"), "the query carries it, no header");
  }

  @Test
  void basicLoginWithoutABodyTakesABareJsonString() throws Exception {
    server.enqueue(json("\"bare-token\""));
    server.enqueue(ok());
    client(TokenScheme.builder()
        .loginPath("api/session")
        .loginBody(LoginBody.NONE)
        .loginBasic(true)
        .header("vmware-api-session-id", "{token}"));
    try (Response response = call("GET", "vms")) {
      assertEquals(200, response.code());
    }
    RecordedRequest login = server.takeRequest();
    assertEquals(0, login.getBodySize());
    assertNull(login.getHeaders().get("Content-Type"));
    assertEquals(Credentials.basic("robot", "pa ss&word"), login.getHeaders().get("Authorization"));
    assertEquals("bare-token", server.takeRequest().getHeaders().get("vmware-api-session-id"));
  }

  @Test
  void jsonLiteralsAndStaticHeaderValuesInTheLoginBody() throws Exception {
    server.enqueue(json("[{\"key\":\"arr-token\"}]"));
    server.enqueue(ok());
    AtomicReference<String> tenant = new AtomicReference<>("acme");
    client(TokenScheme.builder()
        .loginPath("login")
        .usernameField("/auth/user")
        .passwordField("/auth/password")
        .loginFields("/auth/methods:=[\"password\"]", "/id:=1", "/site=", "/tenant={tenant}")
        .header("X-Tenant", "tenant", false, "{value}", tenant::get)
        .tokenPointer("/0/key"));
    try (Response response = call("GET", "me")) {
      assertEquals(200, response.code());
    }
    RecordedRequest login = server.takeRequest();
    JsonNode body = JSON.readTree(login.getBody().utf8());
    assertEquals("password", body.at("/auth/methods/0").asText());
    assertTrue(body.at("/id").isInt());
    assertEquals("", body.at("/site").asText());
    assertEquals("acme", body.at("/tenant").asText());
    assertEquals("pa ss&word", body.at("/auth/password").asText());
    assertEquals("acme", login.getHeaders().get("X-Tenant"));
    assertEquals("arr-token", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void xmlAnswerCookieTokenAndCsrfOnWritesOnly() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .addHeader("Content-Type", "application/xml")
        .addHeader("Set-Cookie", "SESSION=\"cookie-tok-1\"; Path=/")
        .body("<response status=\"success\"><result><csrf>csrf-value-1</csrf></result></response>")
        .build());
    server.enqueue(ok());
    server.enqueue(ok());
    client(TokenScheme.builder()
        .loginPath("login")
        .loginBody(LoginBody.FORM)
        .usernameField("user")
        .passwordField("password")
        .tokenCookie("SESSION")
        .cookie("SESSION")
        .xml(true)
        .csrf("/result/csrf", "", "", "X-CSRF", true));
    try (Response read = call("GET", "things")) {
      assertEquals(200, read.code());
    }
    try (Response write = call("POST", "things")) {
      assertEquals(200, write.code());
    }
    server.takeRequest();
    RecordedRequest read = server.takeRequest();
    assertEquals("SESSION=cookie-tok-1", read.getHeaders().get("Cookie"));
    assertNull(read.getHeaders().get("X-CSRF"), "a read carries no CSRF value");
    RecordedRequest write = server.takeRequest();
    assertEquals("csrf-value-1", write.getHeaders().get("X-CSRF"));
    assertEquals("X-CSRF: ██", client.redactor().header("X-CSRF", "csrf-value-1"));
    String logged = client.redactor().text("csrf csrf-value-1 and cookie-tok-1");
    assertFalse(logged.contains("csrf-value-1") || logged.contains("cookie-tok-1"), logged);
  }

  @Test
  void theAnnouncedLifetimeEndsTheSessionBeforeTheServerDoesAndCloseLogsOut() throws Exception {
    server.enqueue(json("{\"token\":{\"token\":\"f5-1\",\"timeout\":1200}}"));
    server.enqueue(ok());
    server.enqueue(json("{\"token\":{\"token\":\"f5-2\",\"timeout\":1200}}"));
    server.enqueue(ok());
    server.enqueue(ok()); // the logout
    client(TokenScheme.builder()
        .loginPath("login")
        .usernameField("/username")
        .passwordField("/password")
        .tokenPointer("/token/token")
        .header("X-F5-Auth-Token", "{token}")
        .expiresInPointer("/token/timeout")
        .hardLifetime(Duration.ofHours(10))
        .logout("authz/tokens/{token}", "DELETE"));
    call("GET", "version").close();
    clock.advance(Duration.ofSeconds(1170)); // inside the last minute of the 1200 s
    call("GET", "version").close();
    client.close();
    server.takeRequest();
    assertEquals("f5-1", server.takeRequest().getHeaders().get("X-F5-Auth-Token"));
    assertEquals("/login", server.takeRequest().getUrl().encodedPath());
    assertEquals("f5-2", server.takeRequest().getHeaders().get("X-F5-Auth-Token"));
    RecordedRequest logout = server.takeRequest();
    assertEquals(
        "DELETE /authz/tokens/f5-2", logout.getMethod() + " " + logout.getUrl().encodedPath());
    assertEquals("f5-2", logout.getHeaders().get("X-F5-Auth-Token"));
  }

  @Test
  void aPostLogoutSendsItsFields() throws Exception {
    server.enqueue(json("{\"jsonrpc\":\"2.0\",\"result\":\"z-1\",\"id\":1}"));
    server.enqueue(ok());
    server.enqueue(ok());
    client(TokenScheme.builder()
        .loginPath("rpc")
        .usernameField("/params/username")
        .passwordField("/params/password")
        .loginFields("/jsonrpc=2.0", "/method=user.login", "/id:=1")
        .tokenPointer("/result")
        .header("Authorization", "Bearer {token}")
        .logout("rpc", "POST")
        .logoutFields("/method=user.logout", "/params:=[]", "/id:=1"));
    call("GET", "x").close();
    client.close();
    server.takeRequest();
    server.takeRequest();
    RecordedRequest logout = server.takeRequest();
    JsonNode body = JSON.readTree(logout.getBody().utf8());
    assertEquals("user.logout", body.at("/method").asText());
    assertTrue(body.at("/params").isArray());
    assertEquals("Bearer z-1", logout.getHeaders().get("Authorization"));
  }

  @Test
  void badShapesFailAtBuildNamingTheSetter() {
    LatchkeyConfigException literal = assertThrows(
        LatchkeyConfigException.class,
        () -> TokenTestSupport.xandr().loginFields("/id:=one").build());
    assertTrue(literal.getMessage().contains("loginField"));
    assertThrows(
        LatchkeyConfigException.class,
        () ->
            TokenTestSupport.xandr().loginBody(LoginBody.FORM).build()); // pointers as form fields
    assertThrows(
        LatchkeyConfigException.class,
        () -> TokenTestSupport.xandr().query("k").cookie("C").build());
    assertThrows(
        LatchkeyConfigException.class,
        () -> TokenTestSupport.xandr().csrf("/a", "X-A", "", "X-CSRF", true));
  }
}
