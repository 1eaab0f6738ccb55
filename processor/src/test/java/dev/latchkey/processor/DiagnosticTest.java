package dev.latchkey.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One broken interface under {@code bad/} per diagnostic of the readers (LK001-LK099): each must
 * give exactly one error, with the full message, on the line of the value that is wrong.
 */
class DiagnosticTest {

  /** A broken input, the line its error must point at, and the message's arguments. */
  record Case(Diagnostic diagnostic, String file, String line, Object... args) {
    @Override
    public String toString() {
      return diagnostic.code() + " " + diagnostic + " (" + file + ")";
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            Diagnostic.NOT_AN_INTERFACE,
            "NotAnInterface",
            "@DigestAuth",
            "DigestAuth",
            "a class",
            "NotAnInterface"),
        new Case(Diagnostic.NOT_ACCESSIBLE, "PrivateNested", "@DigestAuth", "Hidden"),
        new Case(Diagnostic.GENERIC_INTERFACE, "GenericApi", "@DigestAuth", "GenericApi"),
        new Case(
            Diagnostic.GENERIC_SUPER_INTERFACE,
            "GenericSuperInterface",
            "public interface GenericSuperInterface",
            "GenericSuperInterface",
            "com.example.bad.Paged"),
        new Case(
            Diagnostic.CLASHES_WITH_CLIENT,
            "ClashingMethod",
            "Call<ResponseBody> close()",
            "close",
            "close",
            "from Closeable, which releases its connections"),
        new Case(
            Diagnostic.SEVERAL_AUTH_ANNOTATIONS,
            "TwoAuthAnnotations",
            "@HeaderAuth",
            "TwoAuthAnnotations",
            "@DigestAuth and @HeaderAuth"),
        new Case(
            Diagnostic.BAD_CALL_ADAPTER_FACTORY,
            "BadCallAdapterFactory",
            "String.class",
            "java.lang.String.class"),
        new Case(Diagnostic.XML_MODULE_MISSING, "XmlWithoutModule", "@Xml"),
        new Case(Diagnostic.ENVIRONMENT_NAME_BLANK, "EnvironmentNameBlank", "name = \" \""),
        new Case(
            Diagnostic.ENVIRONMENT_NAME_DUPLICATE,
            "EnvironmentNameTwice",
            "other.example.com",
            "production"),
        new Case(
            Diagnostic.ENVIRONMENT_URL_CHOICE, "EnvironmentBothUrls", "@Environment", "production"),
        new Case(
            Diagnostic.ENVIRONMENT_BAD_URL,
            "EnvironmentBadUrl",
            "baseUrl =",
            "production",
            "https://example.com/api"),
        new Case(
            Diagnostic.BAD_DURATION,
            "BadDuration",
            "5 minutes",
            "@DigestAuth nonceLifetime",
            "5 minutes"),
        new Case(
            Diagnostic.DURATION_NOT_POSITIVE,
            "ZeroDuration",
            "PT0S",
            "@DigestAuth nonceLifetime",
            "PT0S"),
        new Case(
            Diagnostic.BAD_JSON_POINTER,
            "BadJsonPointer",
            "response/token",
            "@TokenLogin tokenPointer",
            "response/token",
            "it must be empty or start with '/'"),
        new Case(
            Diagnostic.BAD_HTTP_NAME,
            "BadHeaderName",
            "X Token",
            "@TokenLogin header",
            "X Token",
            "header"),
        new Case(Diagnostic.ABSOLUTE_PATH, "AbsolutePath", "/auth", "@TokenLogin path", "/auth"),
        new Case(Diagnostic.BAD_STATUS, "BadStatus", "99", "@TokenLogin sessionGoneStatus", 99),
        new Case(Diagnostic.NO_ALGORITHMS, "NoAlgorithms", "algorithms = {}"),
        new Case(Diagnostic.DUPLICATE_ALGORITHM, "DuplicateAlgorithm", "// again", "SHA_256"),
        new Case(
            Diagnostic.HEADER_FORMAT_WITHOUT_TOKEN, "HeaderFormatWithoutToken", "Bearer", "Bearer"),
        new Case(
            Diagnostic.TOKEN_CARRIER_CHOICE,
            "HeaderAndCookie",
            "SESSION",
            "header and cookie are both set, so drop header"),
        new Case(
            Diagnostic.TOKEN_CARRIER_CHOICE,
            "HeaderAndQuery",
            "auth_token",
            "header and query are both set, so drop header"),
        new Case(
            Diagnostic.TWO_TOKEN_SOURCES,
            "TwoTokenSources",
            "X-Subject-Token",
            "tokenPointer",
            "tokenHeader"),
        new Case(
            Diagnostic.FORM_FIELD_IS_POINTER,
            "FormFieldPointer",
            "/auth/username",
            "usernameField",
            "/auth/username",
            "username"),
        new Case(
            Diagnostic.LOGOUT_PATH_WITHOUT_TOKEN,
            "LogoutPathWithoutToken",
            "tokens/",
            "mgmt/shared/authz/tokens/",
            "ends with '/', so the token is missing from it"),
        new Case(
            Diagnostic.BAD_LOGIN_FIELD,
            "BadLoginField",
            "/id:=one",
            "loginFields",
            "/id:=one",
            "has a value after := that is not JSON: 'o' at index 0 starts no JSON value"),
        new Case(
            Diagnostic.UNKNOWN_LOGIN_FIELD_SETTER,
            "UnknownLoginFieldSetter",
            "{Tenant}",
            "loginFields",
            "/tenant={Tenant}",
            "Tenant",
            " Did you mean \"tenant\"?"),
        new Case(Diagnostic.NONE_WITHOUT_BASIC, "NoneWithoutBasic", "LoginBody.NONE"),
        new Case(
            Diagnostic.BAD_LOGOUT_METHOD,
            "BadLogoutMethod",
            "DE LETE",
            "DE LETE",
            "is not an HTTP method (RFC 9110 section 9), e.g. \"DELETE\" or \"POST\""),
        new Case(
            Diagnostic.CSRF_SOURCE_CHOICE,
            "CsrfTwoSources",
            "answerHeader =",
            "pointer and answerHeader are both set"),
        new Case(
            Diagnostic.CREDENTIAL_FIELD_UNUSED,
            "CredentialFieldUnused",
            "/user",
            "usernameField",
            "/user"),
        new Case(Diagnostic.FORMAT_WITHOUT_VALUE, "FormatWithoutValue", "Bearer", "Bearer"),
        new Case(
            Diagnostic.STATIC_HEADER_VALUE_CHOICE,
            "SetterAndValue",
            "application/json",
            "Accept",
            "both are set, so drop the setter for a fixed value"),
        new Case(Diagnostic.BAD_LOGIN_LIMIT, "BadLoginLimit", "0/PT5M", "0/PT5M"),
        new Case(Diagnostic.IDLE_LONGER_THAN_HARD, "IdleLongerThanHard", "PT25H", "PT25H", "PT24H"),
        new Case(Diagnostic.NO_LOGIN, "NoLogin", "@TokenLogin"),
        new Case(
            Diagnostic.ERRORS_WITHOUT_POINTER,
            "ErrorsWithoutPointer",
            "NOAUTH",
            "sessionGoneErrors",
            "errorPointer"),
        new Case(Diagnostic.NO_HEADERS, "NoHeaders", "@HeaderAuth"),
        new Case(Diagnostic.DUPLICATE_HEADER, "DuplicateHeader", "x-key", "x-key"),
        new Case(Diagnostic.BAD_SETTER, "BadSetter", "api-key", "api-key"),
        new Case(Diagnostic.DUPLICATE_SETTER, "DuplicateSetter", "X-Other-Key", "key"),
        new Case(Diagnostic.RESERVED_SETTER, "ReservedSetter", "X-Build", "build", "xBuild"),
        new Case(
            Diagnostic.SESSION_WITHOUT_KEY_HEADER,
            "SessionWithoutKeyHeader",
            "@Session",
            "session"),
        new Case(
            Diagnostic.BAD_BODY_FIELD,
            "BadBodyField",
            "accountName=account",
            "accountName=account"),
        new Case(
            Diagnostic.UNKNOWN_BODY_FIELD_SETTER,
            "UnknownBodyFieldSetter",
            "{hostcontext}",
            "/accountName={hostcontext}",
            "hostcontext",
            " Did you mean \"hostContext\"?"),
        new Case(
            Diagnostic.PIN_NO_PREFIX,
            "PinNoPrefix",
            "\"sha1/",
            "sha1/4a6cPehI7OG6cuDZka5NDZ7FR8a60d3auda+sKfg4Ng="),
        // Repeated: javac's container has no source; the error must still reach the item.
        new Case(
            Diagnostic.PIN_BAD_BASE64,
            "PinBadBase64",
            "Td4\"})",
            "sha256/x4QzPSC810K5/cMjb05Qm4k3Bw5zBn4lTdO/nEW/Td4"),
        new Case(Diagnostic.PIN_WRONG_LENGTH, "PinWrongLength", "sha256/AAAA", "sha256/AAAA", 3),
        new Case(Diagnostic.PINS_EMPTY, "PinsEmpty", "pins = {}", "api.example.com"),
        new Case(
            Diagnostic.PIN_BAD_HOST,
            "PinBadHost",
            "host =",
            "https://api.example.com",
            "it has a scheme; give the host only"),
        new Case(Diagnostic.PIN_HOST_DUPLICATE, "PinHostDuplicate", "// again", "api.example.com"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsOneErrorOnTheWrongValue(Case c) {
    JavaFileObject source = JavaFileObjects.forResource("bad/" + c.file() + ".java");
    Compilation compilation = c.diagnostic() == Diagnostic.XML_MODULE_MISSING
        // A JSON-only user's class path: latchkey-runtime without its optional XML module.
        ? Compilations.compileWithout("jackson-dataformat-xml", source)
        : Compilations.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(c.diagnostic().format(c.args()))
        .inFile(source)
        .onLineContaining(c.line());
  }

  @Test
  void everyReaderDiagnosticHasACase() {
    Set<Diagnostic> readers = Arrays.stream(Diagnostic.values())
        .filter(d -> d.code().compareTo("LK100") < 0)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Diagnostic.class)));
    Set<Diagnostic> tested = cases()
        .map(Case::diagnostic)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Diagnostic.class)));
    assertEquals(readers, tested);
  }
}
