package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The {@code TokenScheme} calls written for each login shape of issue 18: every attribute maps
 * onto the builder method of its own name, and only what the annotation uses is written.
 */
class GeneratedLoginShapeTest {

  private static String generate(String name, String annotations) throws IOException {
    String source = "package com.example;\n"
        + "import dev.latchkey.annotations.*;\n"
        + "import okhttp3.ResponseBody;\n"
        + "import retrofit2.Call;\n"
        + "import retrofit2.http.GET;\n"
        + annotations
        + "\npublic interface "
        + name
        + " {\n  @GET(\"x\") Call<ResponseBody> x();\n}\n";
    Compilation compilation =
        Compilations.compile(JavaFileObjects.forSourceString("com.example." + name, source));
    assertThat(compilation).succeededWithoutWarnings();
    return GeneratedShapeTest.source(compilation, "com.example.Latchkey" + name);
  }

  @Test
  void basicLoginWithNoBodyTakesTheWholeAnswer() throws IOException {
    String source = generate(
        "VCenter",
        "@TokenLogin(path = \"api/session\", loginBody = LoginBody.NONE, loginBasic = true,"
            + " header = \"vmware-api-session-id\", logoutPath = \"api/session\")");
    assertTrue(source.contains(".loginBody(LoginBody.NONE)"), source);
    assertTrue(source.contains(".loginBasic(true)"), source);
    assertTrue(source.contains(".logout(\"api/session\", \"DELETE\")"), source);
    assertFalse(source.contains(".usernameField("), source);
    assertFalse(source.contains(".tokenPointer("), source);
  }

  @Test
  void tokenFromAnAnswerHeaderAndJsonLiteralFields() throws IOException {
    String source = generate(
        "Keystone",
        "@TokenLogin(path = \"v3/auth/tokens\","
            + " usernameField = \"/auth/identity/password/user/name\","
            + " passwordField = \"/auth/identity/password/user/password\","
            + " loginFields = {\"/auth/identity/methods:=[\\\"password\\\"]\","
            + " \"/auth/identity/password/user/domain/id=default\"},"
            + " tokenHeader = \"X-Subject-Token\", header = \"X-Auth-Token\")");
    assertTrue(source.contains(".tokenHeader(\"X-Subject-Token\")"), source);
    assertTrue(
        source.contains(".loginFields(\"/auth/identity/methods:=[\\\"password\\\"]\","
            + " \"/auth/identity/password/user/domain/id=default\")"),
        source);
    assertTrue(source.contains(".header(\"X-Auth-Token\", \"{token}\")"), source);
  }

  @Test
  void tokenCookieIsItsOwnCarrierUnlessAHeaderIsWritten() throws IOException {
    String source = generate(
        "CouchDb",
        "@TokenLogin(path = \"_session\", usernameField = \"/name\","
            + " passwordField = \"/password\", tokenCookie = \"AuthSession\")");
    assertTrue(source.contains(".tokenCookie(\"AuthSession\")"), source);
    assertTrue(source.contains(".cookie(\"AuthSession\")"), source);
    assertFalse(source.contains(".header(\"Authorization\""), source);
  }

  @Test
  void queryCarrierSendsNoHeader() throws IOException {
    String source = generate(
        "QueryToken",
        "@TokenLogin(path = \"login\", tokenPointer = \"/key\", query = \"api_key\")");
    assertTrue(source.contains(".query(\"api_key\")"), source);
    assertFalse(source.contains(".header(\"Authorization\""), source);
  }

  @Test
  void xmlAnswersAndFormFieldNames() throws IOException {
    String source = generate(
        "PanOs",
        "@Xml @TokenLogin(path = \"api/?type=keygen\", loginBody = LoginBody.FORM,"
            + " usernameField = \"user\", tokenPointer = \"/result/key\","
            + " header = \"X-PAN-KEY\")");
    assertTrue(source.contains(".usernameField(\"user\")"), source);
    assertTrue(source.contains(".passwordField(\"password\")"), source);
    assertTrue(source.contains(".xml(true)"), source);
  }

  @Test
  void loginFieldsMayUseAStaticHeadersValue() throws IOException {
    String source = generate(
        "Tenant",
        "@TokenLogin(path = \"login\", tokenPointer = \"/token\","
            + " headers = @StaticHeader(name = \"X-Tenant\", setter = \"tenant\"),"
            + " loginFields = \"/tenant={tenant}\")");
    assertTrue(source.contains(".loginFields(\"/tenant={tenant}\")"), source);
    assertTrue(source.contains("public Builder tenant(String tenant)"), source);
    assertTrue(source.contains("public Builder tenant(Supplier<String> tenant)"), source);
  }

  @Test
  void aHeadersOnlyClientTakesNoCredentials() throws IOException {
    Compilation compilation = Compilations.compile("good/KubernetesApi.java");
    assertThat(compilation).succeededWithoutWarnings();
    String source = GeneratedShapeTest.source(compilation, "com.example.LatchkeyKubernetesApi");
    assertFalse(source.contains("credentials"), source);
    assertFalse(source.contains("mode("), source);
    assertTrue(source.contains("public Builder bearerToken(Supplier<String> bearerToken)"), source);
  }
}
