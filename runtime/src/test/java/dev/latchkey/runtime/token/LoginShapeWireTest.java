package dev.latchkey.runtime.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.LatchkeyException;
import dev.latchkey.runtime.UserPassword;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The login call written, and its answer read, in each shape of issue 18 (no server needed). */
class LoginShapeWireTest {
  private static final HttpUrl URL = HttpUrl.get("https://api.example/login");
  private static final UserPassword ROBOT = new UserPassword("robot", "pa ss&word");

  private static LoginShape.Draft draft() {
    return new LoginShape.Draft();
  }

  private static String body(Request request) throws IOException {
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return buffer.readUtf8();
  }

  @Test
  void jsonBodyTakesFixedStringsLiteralsAndStaticHeaderValues() throws IOException {
    LoginShape.Draft shape = draft();
    shape.loginFields.addAll(List.of(
        "/auth/identity/methods:=[\"password\"]", "/auth/domain=default", "/id:=1", "/site/url=",
        "/tenant={tenant}"));
    shape.headers.add(new LoginShape.StaticHeader("X-Tenant", "tenant", false, "{value}", () -> "acme"));
    Request request = new LoginRequest(shape.build(), "/auth/user/name", "/auth/user/password").build(URL, ROBOT);
    JsonNode json = JsonAnswers.JSON.readTree(body(request));
    assertEquals("password", json.at("/auth/identity/methods/0").asText());
    assertEquals("default", json.at("/auth/domain").asText());
    assertTrue(json.at("/id").isInt());
    assertEquals("", json.at("/site/url").asText());
    assertEquals("acme", json.at("/tenant").asText());
    assertEquals("robot", json.at("/auth/user/name").asText());
    assertEquals("pa ss&word", json.at("/auth/user/password").asText());
    assertEquals("acme", request.header("X-Tenant"));
    assertTrue(request.body().isOneShot(), "the password body is sent once");
  }

  @Test
  void formBodyEncodesNamesAndValues() throws IOException {
    LoginShape.Draft shape = draft();
    shape.loginBody = LoginBody.FORM;
    shape.loginFields.add("output_mode=json");
    Request request = new LoginRequest(shape.build(), "username", "password").build(URL, ROBOT);
    assertEquals("username=robot&password=pa+ss%26word&output_mode=json", body(request));
    assertEquals(MediaType.get("application/x-www-form-urlencoded"), request.body().contentType());
  }

  @Test
  void basicLoginWithNoBodySendsNoContentType() throws IOException {
    LoginShape.Draft shape = draft();
    shape.loginBody = LoginBody.NONE;
    shape.loginBasic = true;
    Request request = new LoginRequest(shape.build(), "", "").build(URL, ROBOT);
    assertEquals("POST", request.method());
    assertEquals(0, request.body().contentLength());
    assertNull(request.body().contentType());
    assertEquals(okhttp3.Credentials.basic("robot", "pa ss&word"), request.header("Authorization"));
  }

  @Test
  void aStaticHeaderSupplierIsAskedOnEveryLogin() throws IOException {
    AtomicReference<String> token = new AtomicReference<>("one");
    LoginShape.Draft shape = draft();
    shape.headers.add(new LoginShape.StaticHeader("Authorization", "key", true, "Bearer {value}", token::get));
    LoginRequest login = new LoginRequest(shape.build(), "/u", "/p");
    assertEquals("Bearer one", login.build(URL, ROBOT).header("Authorization"));
    token.set("two");
    assertEquals("Bearer two", login.build(URL, ROBOT).header("Authorization"));
    token.set("bad\nvalue");
    LatchkeyException bad = assertThrows(LatchkeyException.class, () -> login.build(URL, ROBOT));
    assertFalse(bad.getMessage().contains("bad\nvalue"));
  }

  @Test
  void badFieldsFailAtBuildNamingTheSetter() {
    assertThrows(LatchkeyConfigException.class,
        () -> LoginFields.parse(List.of("/id:=one"), LoginBody.JSON, "loginFields"));
    assertThrows(LatchkeyConfigException.class,
        () -> LoginFields.parse(List.of("/a=b"), LoginBody.FORM, "loginFields"));
    assertThrows(LatchkeyConfigException.class,
        () -> LoginFields.parse(List.of("a=b"), LoginBody.NONE, "loginFields"));
  }

  private static Response answer(String type, String body, String... headers) {
    Response.Builder response = new Response.Builder()
        .request(new Request.Builder().url(URL).build())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create(body, type == null ? null : MediaType.get(type)));
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    return response.build();
  }

  @Test
  void readsTheTokenFromEachSource() throws IOException {
    assertEquals("k1", LoginAnswer.peek(answer("application/json", "{\"token\":{\"token\":\"k1\",\"timeout\":1200}}"), false)
        .token(JsonPointer.compile("/token/token"), "", ""));
    assertEquals("bare", LoginAnswer.peek(answer("application/json", "\"bare\""), false).token(null, "", ""));
    assertEquals("plain", LoginAnswer.peek(answer("text/plain", "plain\n"), false).token(null, "", ""));
    assertEquals("arr", LoginAnswer.peek(answer("application/json", "[{\"key\":\"arr\"}]"), false)
        .token(JsonPointer.compile("/0/key"), "", ""));
    assertEquals("hdr", LoginAnswer.peek(answer("application/json", "{}", "X-Subject-Token", "hdr"), false)
        .token(null, "X-Subject-Token", ""));
    assertEquals("ck", LoginAnswer.peek(answer("application/json", "{\"ok\":true}",
        "Set-Cookie", "AuthSession=\"ck\"; Version=1; Path=/; HttpOnly"), false).token(null, "", "AuthSession"));
    assertEquals("xk", LoginAnswer.peek(answer("application/xml",
        "<response status=\"success\"><result><key>xk</key></result></response>"), true)
        .token(JsonPointer.compile("/result/key"), "", ""));
  }

  @Test
  void readsTheLifetimeAndTheSecondValue() throws IOException {
    LoginAnswer answer = LoginAnswer.peek(answer("application/json",
        "{\"token\":{\"timeout\":1200},\"data\":{\"CSRFPreventionToken\":\"c1\"}}",
        "X-CSRF-Token", "c2", "Set-Cookie", "ccsrftoken=\"c3\"; path=/"), false);
    assertEquals(Duration.ofSeconds(1200), answer.expiresIn(JsonPointer.compile("/token/timeout")));
    assertNull(answer.expiresIn(JsonPointer.compile("/missing")));
    assertEquals("c1", answer.csrf(new LoginShape.Csrf("/data/CSRFPreventionToken", "", "", "H", true)));
    assertEquals("c2", answer.csrf(new LoginShape.Csrf("", "X-CSRF-Token", "", "H", true)));
    assertEquals("c3", answer.csrf(new LoginShape.Csrf("", "", "ccsrftoken", "H", true)));
  }

  @Test
  void aLargeAnswerIsNotReadButItsHeaderTokenIs() throws IOException {
    String big = "{\"catalog\":[" + "{\"type\":\"compute\"},".repeat(2000) + "{}]}";
    LoginAnswer answer = LoginAnswer.peek(answer("application/json", big, "X-Subject-Token", "t"), false);
    assertNull(answer.tree());
    assertEquals("t", answer.token(null, "X-Subject-Token", ""));
  }
}
