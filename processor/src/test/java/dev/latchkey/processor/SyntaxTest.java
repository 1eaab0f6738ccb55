package dev.latchkey.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small grammars of annotation values, without a compiler. */
class SyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/response/token", "/a~0b/c~1d", "/0", "/ spaced "})
  void acceptsRfc6901Pointers(String pointer) {
    assertEquals(Optional.empty(), Syntax.jsonPointerProblem(pointer));
  }

  @ParameterizedTest
  @ValueSource(strings = {"response/token", "#/token", "/a~2", "/a~", "/~/b"})
  void rejectsWhatIsNotAPointer(String pointer) {
    assertTrue(Syntax.jsonPointerProblem(pointer).isPresent(), pointer);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Authorization", "X-Api-Key", "MediaSiloHostContext", "a!#$%&'*+-.^_`|~9"})
  void acceptsHttpTokens(String name) {
    assertTrue(Syntax.isHttpToken(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X Token", "X:Key", "Ключ", "a\"b", "(x)"})
  void rejectsWhatIsNotAnHttpToken(String name) {
    assertFalse(Syntax.isHttpToken(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api.example.com/", "http://127.0.0.1:8080/api/v3/"})
  void acceptsBaseUrls(String url) {
    assertTrue(Syntax.isBaseUrl(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.example.com",
        "https://api.example.com/v3",
        "ftp://example.com/",
        "api.example.com/",
        "https:///path/",
        "https://example.com/?q=1",
        "https://exa mple.com/"
      })
  void rejectsWhatIsNotABaseUrl(String url) {
    assertFalse(Syntax.isBaseUrl(url));
  }

  @Test
  void identifiersExcludeKeywordsAndQualifiedNames() {
    assertTrue(Syntax.isJavaIdentifier("apiKey"));
    assertFalse(Syntax.isJavaIdentifier("class"));
    assertFalse(Syntax.isJavaIdentifier("api-key"));
    assertFalse(Syntax.isJavaIdentifier("a.b"));
    assertFalse(Syntax.isJavaIdentifier(""));
  }

  @Test
  void parsesLoginLimits() {
    assertEquals(Optional.of(new Syntax.Limit(10, Duration.ofMinutes(5))), Syntax.limit("10/PT5M"));
    for (String bad : new String[] {
      "0/PT5M",
      "-1/PT5M",
      "10",
      "10/",
      "/PT5M",
      "x/PT5M",
      "10/PT0S",
      "10/-PT5M",
      "10/5m",
      "99999999999/PT5M"
    }) {
      assertEquals(Optional.empty(), Syntax.limit(bad), bad);
    }
  }

  @Test
  void parsesDurations() {
    assertEquals(Optional.of(Duration.ofHours(2)), Syntax.duration("PT2H"));
    assertEquals(Optional.empty(), Syntax.duration("2h"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "*.example.com",
        "**.example.com",
        "api-2.example.co.uk",
        "localhost"
      })
  void acceptsCertificatePinnerHostPatterns(String pattern) {
    assertEquals(Optional.empty(), Syntax.hostPatternProblem(pattern));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "https://example.com",
        "example.com:443",
        "example.com/api",
        "api.*.example.com",
        "*",
        "***.example.com",
        "Example.com",
        "example..com",
        "example.com.",
        "exa_mple.com",
        "*.*.example.com"
      })
  void rejectsWhatCertificatePinnerRefuses(String pattern) {
    assertTrue(Syntax.hostPatternProblem(pattern).isPresent(), pattern);
  }

  @Test
  void measuresStrictBase64() {
    assertEquals(32, Syntax.strictBase64Length("4a6cPehI7OG6cuDZka5NDZ7FR8a60d3auda+sKfg4Ng="));
    assertEquals(3, Syntax.strictBase64Length("AAAA"));
    assertEquals(1, Syntax.strictBase64Length("AA=="));
    assertEquals(-1, Syntax.strictBase64Length(""));
    assertEquals(-1, Syntax.strictBase64Length("AA")); // unpadded
    assertEquals(-1, Syntax.strictBase64Length("AB==")); // stray bits in the last character
    assertEquals(-1, Syntax.strictBase64Length("A-_A")); // URL-safe alphabet
    assertEquals(-1, Syntax.strictBase64Length("AA AA=="));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1",
        "-0.5e3",
        "true",
        "false",
        "null",
        "\"x\"",
        "[\"password\"]",
        "{\"a\": [1, {}]}",
        " [ ] ",
        "\"a\\\"b\""
      })
  void acceptsJsonLiterals(String text) {
    assertEquals(Optional.empty(), Syntax.jsonProblem(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "one", "01", "1.", "[1,]", "{a:1}", "\"open", "[1] 2", "True", "{\"a\" 1}"})
  void rejectsWhatIsNotOneJsonValue(String text) {
    assertTrue(Syntax.jsonProblem(text).isPresent(), text);
  }

  @Test
  void boundsTheNestingOfAJsonLiteral() {
    assertTrue(Syntax.jsonProblem("[".repeat(10_000)).isPresent());
  }

  @Test
  void readsLoginFieldsPerBody() {
    assertEquals(Optional.empty(), LoginFieldsCheck.problem("/loginProviderName=tmos", "JSON"));
    assertEquals(
        Optional.empty(), LoginFieldsCheck.problem("/credentials/site/contentUrl=", "JSON"));
    assertEquals(Optional.empty(), LoginFieldsCheck.problem("/id:=1", "JSON"));
    assertEquals(Optional.empty(), LoginFieldsCheck.problem("output_mode=json", "FORM"));
    assertTrue(LoginFieldsCheck.problem("output_mode=json", "JSON").isPresent());
    assertTrue(LoginFieldsCheck.problem("/output_mode=json", "FORM").isPresent());
    assertTrue(LoginFieldsCheck.problem("/a~2=x", "JSON").isPresent());
    assertTrue(LoginFieldsCheck.problem("/=x", "JSON").isPresent());
    assertTrue(LoginFieldsCheck.problem("/a=x", "NONE").isPresent());
  }
}
