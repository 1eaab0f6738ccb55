package dev.latchkey.runtime.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a token login looks on the wire beyond the classic JSON-body, JSON-pointer shape: the body
 * format, Basic on the login, fixed fields, where the token comes back and goes again, its
 * lifetime in the answer, the logout, a second (CSRF) value and the static headers. Collected by
 * {@link TokenScheme.Builder}; the defaults are the classic shape, so a scheme that sets none of
 * it behaves as before. Empty strings mean "not used".
 *
 * @param loginFields raw {@code "/pointer=text"}, {@code "/pointer:=json"} or {@code "name=value"}
 *     entries, as the annotation writes them
 * @param xml whether answers are XML (the interface's {@code @Xml})
 */
record LoginShape(
    LoginBody loginBody,
    boolean loginBasic,
    List<String> loginFields,
    String tokenHeader,
    String tokenCookie,
    String query,
    String expiresInPointer,
    String logoutPath,
    String logoutMethod,
    List<String> logoutFields,
    Csrf csrf,
    List<StaticHeader> headers,
    boolean xml) {

  LoginShape {
    loginFields = List.copyOf(loginFields);
    logoutFields = List.copyOf(logoutFields);
    headers = List.copyOf(headers);
  }

  /** The second value: read from one of {@code pointer}, {@code answerHeader}, {@code answerCookie}. */
  record Csrf(String pointer, String answerHeader, String answerCookie, String header, boolean writesOnly) {}

  /**
   * A header on every call and on the login: {@code format} with {@code {value}} replaced by what
   * {@code value} gives, asked on every request. {@code toString()} shows no value.
   */
  record StaticHeader(String name, String setter, boolean secret, String format, Supplier<String> value) {
    @Override
    public String toString() {
      return name + "(" + setter + (secret ? ", secret" : "") + ")";
    }
  }

  /** What the builder collects before {@code build()}; starts at the classic shape. */
  static final class Draft {
    LoginBody loginBody = LoginBody.JSON;
    boolean loginBasic;
    final List<String> loginFields = new ArrayList<>();
    String tokenHeader = "";
    String tokenCookie = "";
    String query = "";
    String expiresInPointer = "";
    String logoutPath = "";
    String logoutMethod = "DELETE";
    final List<String> logoutFields = new ArrayList<>();
    Csrf csrf;
    final List<StaticHeader> headers = new ArrayList<>();
    boolean xml;

    LoginShape build() {
      return new LoginShape(Objects.requireNonNull(loginBody, "loginBody"), loginBasic, loginFields,
          tokenHeader, tokenCookie, query, expiresInPointer, logoutPath, logoutMethod, logoutFields,
          csrf, headers, xml);
    }
  }

  static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
